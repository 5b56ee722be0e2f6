// EncryptedAssertion (SAML core §2.3.4, XML Encryption 1.1): a content key encrypted to the SP's RSA key
// (RSA-OAEP or RSA 1.5) and the Assertion encrypted with it (AES-CBC or AES-GCM). Decrypted with WebCrypto,
// except RSA 1.5 unpadding, which WebCrypto does not offer.
import { concatBytes, fromBase64, ownBuffer, utf8 } from './bytes';
import type { DecryptionKey } from './private-key';
import { DSIG_NS, SAML_NS, XENC_NS, childElements, descendants, parseXmlDocument, serializeXml, textOf } from './xml-dom';

const XENC11_NS = 'http://www.w3.org/2009/xmlenc11#';

type Hash = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';
const DIGESTS: Record<string, Hash> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'SHA-1',
  'http://www.w3.org/2001/04/xmlenc#sha256': 'SHA-256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'SHA-384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'SHA-512',
};
const MGFS: Record<string, Hash> = {
  [`${XENC11_NS}mgf1sha1`]: 'SHA-1',
  [`${XENC11_NS}mgf1sha256`]: 'SHA-256',
  [`${XENC11_NS}mgf1sha384`]: 'SHA-384',
  [`${XENC11_NS}mgf1sha512`]: 'SHA-512',
};
const CONTENT: Record<string, { mode: 'AES-CBC' | 'AES-GCM'; bits: number }> = {
  'http://www.w3.org/2001/04/xmlenc#aes128-cbc': { mode: 'AES-CBC', bits: 128 },
  'http://www.w3.org/2001/04/xmlenc#aes192-cbc': { mode: 'AES-CBC', bits: 192 },
  'http://www.w3.org/2001/04/xmlenc#aes256-cbc': { mode: 'AES-CBC', bits: 256 },
  [`${XENC11_NS}aes128-gcm`]: { mode: 'AES-GCM', bits: 128 },
  [`${XENC11_NS}aes192-gcm`]: { mode: 'AES-GCM', bits: 192 },
  [`${XENC11_NS}aes256-gcm`]: { mode: 'AES-GCM', bits: 256 },
};
const RSA_OAEP_MGF1P = 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p';
const RSA_OAEP = `${XENC11_NS}rsa-oaep`;
const RSA_1_5 = 'http://www.w3.org/2001/04/xmlenc#rsa-1_5';

export class DecryptionError extends Error {}

const algorithmOf = (el: Element | undefined) => childElements(el!, XENC_NS, 'EncryptionMethod')[0]?.getAttribute('Algorithm') ?? '';
const shortName = (uri: string) => uri.replace(/^.*#/, '') || '(none)';

function cipherValue(el: Element): Uint8Array {
  const value = textOf(childElements(childElements(el, XENC_NS, 'CipherData')[0] ?? el, XENC_NS, 'CipherValue')[0]);
  const bytes = fromBase64(value);
  if (!bytes?.length) throw new DecryptionError('the CipherValue is empty or not base64');
  return bytes;
}

/** RSAES-PKCS1-v1_5 decoding (RFC 8017 §7.2.2): 00 02 <nonzero padding> 00 <message>. */
function unpadPkcs1(em: Uint8Array): Uint8Array {
  if (em[0] !== 0 || em[1] !== 2) throw new DecryptionError('RSA 1.5 decryption failed: the key was not encrypted for this private key');
  const sep = em.indexOf(0, 2);
  if (sep < 10) throw new DecryptionError('RSA 1.5 decryption failed: the key was not encrypted for this private key');
  return em.subarray(sep + 1);
}

async function unwrapContentKey(encryptedKey: Element, key: DecryptionKey): Promise<Uint8Array> {
  const method = childElements(encryptedKey, XENC_NS, 'EncryptionMethod')[0];
  const alg = method?.getAttribute('Algorithm') ?? '';
  const cipher = cipherValue(encryptedKey);
  if (alg === RSA_1_5) {
    let em: Uint8Array;
    try {
      em = key.rawDecrypt(cipher);
    } catch {
      throw new DecryptionError('RSA 1.5 decryption failed: the key was not encrypted for this private key');
    }
    return unpadPkcs1(em);
  }
  if (alg === RSA_OAEP_MGF1P || alg === RSA_OAEP) {
    const digestUri = method ? childElements(method, DSIG_NS, 'DigestMethod')[0]?.getAttribute('Algorithm') : undefined;
    const digest = digestUri ? DIGESTS[digestUri] : 'SHA-1';
    // rsa-oaep-mgf1p fixes MGF1 to SHA-1; xmlenc11 rsa-oaep names it (default SHA-1 too).
    const mgfUri = alg === RSA_OAEP && method ? childElements(method, XENC11_NS, 'MGF')[0]?.getAttribute('Algorithm') : undefined;
    const mgf = mgfUri ? MGFS[mgfUri] : 'SHA-1';
    if (!digest || !mgf) throw new DecryptionError(`unsupported OAEP digest ${digestUri ?? ''} ${mgfUri ?? ''}`.trim());
    if (digest !== mgf) throw new DecryptionError(`OAEP with digest ${digest} and MGF1 ${mgf} is not supported (WebCrypto uses one hash for both)`);
    if (method && childElements(method, XENC_NS, 'OAEPparams')[0]) throw new DecryptionError('OAEP with OAEPparams (a label) is not supported');
    try {
      return new Uint8Array(await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, await key.oaep(digest), ownBuffer(cipher)));
    } catch {
      throw new DecryptionError('RSA-OAEP decryption failed: the assertion was encrypted for another key (the SP\'s encryption certificate in the IdP does not match this private key)');
    }
  }
  throw new DecryptionError(`key transport ${shortName(alg)} is not supported (RSA-OAEP and RSA 1.5 are)`);
}

async function decryptContent(alg: string, contentKey: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const spec = CONTENT[alg];
  if (!spec) throw new DecryptionError(`content encryption ${shortName(alg)} is not supported (AES-CBC and AES-GCM are)`);
  if (contentKey.length * 8 !== spec.bits) throw new DecryptionError(`the content key has ${contentKey.length * 8} bits, ${shortName(alg)} needs ${spec.bits}`);
  const key = await crypto.subtle.importKey('raw', ownBuffer(contentKey), { name: spec.mode }, false, ['decrypt', 'encrypt']);
  if (spec.mode === 'AES-GCM') {
    if (data.length < 12 + 16) throw new DecryptionError('the AES-GCM data is too short');
    try {
      return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: ownBuffer(data.subarray(0, 12)), tagLength: 128 }, key, ownBuffer(data.subarray(12))));
    } catch {
      throw new DecryptionError('AES-GCM authentication failed: the encrypted assertion was altered, or the key is wrong');
    }
  }
  if (data.length < 32 || data.length % 16) throw new DecryptionError('the AES-CBC data is not a whole number of blocks');
  const iv = data.subarray(0, 16);
  const body = data.subarray(16);
  // XML Encryption pads with arbitrary bytes (only the last byte counts), which WebCrypto's PKCS#7 check would
  // reject. Appending one block that decrypts to a full PKCS#7 padding block makes any padding acceptable.
  const last = body.subarray(body.length - 16);
  const extra = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv: ownBuffer(last) }, key, new Uint8Array(0)));
  let plain: Uint8Array;
  try {
    plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv: ownBuffer(iv) }, key, concatBytes(body, extra)));
  } catch {
    throw new DecryptionError('AES-CBC decryption failed');
  }
  const pad = plain[plain.length - 1]!;
  if (pad < 1 || pad > 16) throw new DecryptionError('the AES-CBC padding is wrong: the content key is wrong (another SP key?)');
  return plain.subarray(0, plain.length - pad);
}

/** In-scope namespace declarations of an element, so a decrypted fragment parses with the prefixes it uses. */
function namespacesInScope(el: Element): string {
  const seen = new Map<string, string>();
  for (let n: Node | null = el; n && n.nodeType === 1; n = n.parentNode) {
    const attrs = (n as Element).attributes;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i]!;
      if ((a.name === 'xmlns' || a.name.startsWith('xmlns:')) && !seen.has(a.name)) seen.set(a.name, a.value);
    }
  }
  return [...seen].map(([name, value]) => ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join('');
}

async function decryptOne(encrypted: Element, key: DecryptionKey): Promise<string> {
  const data = childElements(encrypted, XENC_NS, 'EncryptedData')[0];
  if (!data) throw new DecryptionError('the EncryptedAssertion has no EncryptedData');
  // The EncryptedKey sits in EncryptedData's KeyInfo, or beside EncryptedData (Okta, referenced by RetrievalMethod).
  const encryptedKey = descendants(encrypted, XENC_NS, 'EncryptedKey')[0];
  if (!encryptedKey) throw new DecryptionError('no EncryptedKey: the content key is not in the message');
  const contentKey = await unwrapContentKey(encryptedKey, key);
  const plain = await decryptContent(algorithmOf(data), contentKey, cipherValue(data));
  return utf8(plain);
}

export interface DecryptionResult {
  /** The message with each EncryptedAssertion it could decrypt replaced by the Assertion inside. */
  xml: string;
  decrypted: number;
  failed: number;
  /** Why each failure failed, in document order. */
  errors: string[];
}

/** Decrypts every EncryptedAssertion directly inside a Response with the SP's private key. */
export async function decryptAssertions(xml: string, key: DecryptionKey): Promise<DecryptionResult> {
  const parsed = parseXmlDocument(xml);
  if (!parsed.ok) return { xml, decrypted: 0, failed: 0, errors: [parsed.error] };
  const doc = parsed.doc;
  const encrypted = childElements(doc.documentElement, SAML_NS, 'EncryptedAssertion');
  const result: DecryptionResult = { xml, decrypted: 0, failed: 0, errors: [] };
  for (const el of encrypted) {
    try {
      const fragment = await decryptOne(el, key);
      const wrapped = parseXmlDocument(`<w${namespacesInScope(el)}>${fragment.replace(/^<\?xml[^>]*\?>/, '')}</w>`);
      if (!wrapped.ok) throw new DecryptionError(`the decrypted content is not XML (${wrapped.error}): the key is probably wrong`);
      const assertion = childElements(wrapped.doc.documentElement, SAML_NS, 'Assertion')[0];
      if (!assertion) throw new DecryptionError('the decrypted content is not a saml:Assertion');
      el.parentNode!.replaceChild(doc.importNode(assertion, true), el);
      result.decrypted++;
    } catch (e) {
      result.failed++;
      result.errors.push(e instanceof DecryptionError ? e.message : `decryption failed (${(e as Error).message})`);
    }
  }
  if (result.decrypted) result.xml = serializeXml(doc);
  return result;
}
