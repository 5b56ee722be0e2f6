// Encrypts a SAML Assertion at test time the way IdPs do (XML Encryption 1.1), with node:crypto: an
// implementation independent of the WebCrypto one under test.
import { constants, createCipheriv, createPublicKey, publicEncrypt, randomBytes } from 'node:crypto';

export type KeyTransport = 'rsa-oaep-mgf1p' | 'rsa-oaep-sha256' | 'rsa-1_5';
export type ContentCipher = 'aes128-cbc' | 'aes256-cbc' | 'aes128-gcm' | 'aes256-gcm';

const XENC = 'http://www.w3.org/2001/04/xmlenc#';
const XENC11 = 'http://www.w3.org/2009/xmlenc11#';

function transportXml(t: KeyTransport): string {
  if (t === 'rsa-1_5') return `<xenc:EncryptionMethod Algorithm="${XENC}rsa-1_5"/>`;
  if (t === 'rsa-oaep-mgf1p') return `<xenc:EncryptionMethod Algorithm="${XENC}rsa-oaep-mgf1p"><ds:DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/></xenc:EncryptionMethod>`;
  return `<xenc:EncryptionMethod Algorithm="${XENC11}rsa-oaep"><ds:DigestMethod Algorithm="${XENC}sha256"/><xenc11:MGF xmlns:xenc11="${XENC11}" Algorithm="${XENC11}mgf1sha256"/></xenc:EncryptionMethod>`;
}

function encryptKey(t: KeyTransport, certPem: string, key: Buffer): Buffer {
  const pub = createPublicKey(certPem);
  if (t === 'rsa-1_5') return publicEncrypt({ key: pub, padding: constants.RSA_PKCS1_PADDING }, key);
  return publicEncrypt({ key: pub, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: t === 'rsa-oaep-sha256' ? 'sha256' : 'sha1' }, key);
}

function encryptContent(c: ContentCipher, key: Buffer, plain: Buffer): Buffer {
  if (c.endsWith('gcm')) {
    const iv = randomBytes(12);
    const cipher = createCipheriv(c === 'aes128-gcm' ? 'aes-128-gcm' : 'aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]);
  }
  // XML Encryption's padding: arbitrary bytes, the last one the pad length (not PKCS#7's repeated length).
  const padLen = 16 - (plain.length % 16);
  const pad = Buffer.concat([randomBytes(padLen - 1).map((b) => (b === padLen ? b ^ 0x55 : b)), Buffer.from([padLen])]);
  const iv = randomBytes(16);
  const cipher = createCipheriv(c === 'aes128-cbc' ? 'aes-128-cbc' : 'aes-256-cbc', key, iv).setAutoPadding(false);
  return Buffer.concat([iv, cipher.update(Buffer.concat([plain, pad])), cipher.final()]);
}

export interface EncryptOptions {
  certPem: string;
  transport?: KeyTransport;
  content?: ContentCipher;
  /** Put EncryptedKey beside EncryptedData (Okta) instead of inside its KeyInfo. */
  detachedKey?: boolean;
}

/** Replaces the first saml:Assertion of a Response with an EncryptedAssertion of it. */
export function encryptAssertion(responseXml: string, o: EncryptOptions): string {
  const m = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(responseXml);
  if (!m) throw new Error('no saml:Assertion to encrypt');
  const content = o.content ?? 'aes256-cbc';
  const transport = o.transport ?? 'rsa-oaep-mgf1p';
  const key = randomBytes(content.startsWith('aes128') ? 16 : 32);
  // The Assertion must stand alone once decrypted: declare the saml prefix on it.
  const assertion = m[0].includes('xmlns:saml=') ? m[0] : m[0].replace('<saml:Assertion', '<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"');
  const data = encryptContent(content, key, Buffer.from(assertion, 'utf8')).toString('base64');
  const encKey = `<xenc:EncryptedKey Id="_k1" xmlns:xenc="${XENC}">${transportXml(transport)}<xenc:CipherData><xenc:CipherValue>${encryptKey(transport, o.certPem, key).toString('base64')}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey>`;
  const method = `<xenc:EncryptionMethod Algorithm="${content.endsWith('gcm') ? XENC11 : XENC}${content}"/>`;
  const keyInfo = o.detachedKey
    ? `<ds:KeyInfo><ds:RetrievalMethod URI="#_k1" Type="${XENC}EncryptedKey"/></ds:KeyInfo>`
    : `<ds:KeyInfo>${encKey}</ds:KeyInfo>`;
  const encData = `<xenc:EncryptedData xmlns:xenc="${XENC}" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Type="${XENC}Element">${method}${keyInfo}<xenc:CipherData><xenc:CipherValue>${data}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData>`;
  const wrapped = `<saml:EncryptedAssertion>${encData}${o.detachedKey ? encKey.replace('<xenc:EncryptedKey', '<xenc:EncryptedKey xmlns:ds="http://www.w3.org/2000/09/xmldsig#"') : ''}</saml:EncryptedAssertion>`;
  return responseXml.replace(m[0], wrapped);
}
