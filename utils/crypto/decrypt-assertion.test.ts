import { describe, expect, it } from 'vitest';
import { cryptoFixture, keyFile } from '../../tests/support/crypto-fixtures';
import { buildProtocolResponse } from '../../tests/support/protocol-builder';
import { encryptAssertion, type ContentCipher, type KeyTransport } from '../../tests/support/xml-encryption';
import { makeKeys } from '../../tests/support/xml-signing';
import { decryptAssertion, readDecryptionKey, PrivateKeyError } from './index';

const REAL: Array<[string, string, string]> = [
  ['adfs/gosaml2-adfs-response-encrypted.b64', 'gosaml2-adfs_sp_encryption_key.pem', 'givenname'],
  ['okta/gosaml2-okta-response-encrypted.b64', 'gosaml2-oktaenc_sp_encryption_key.pem', 'group'],
  ['okta/crewjam-okta-signed-response-encrypted-assertion.b64', 'crewjam-sp_key.pem', 'Assertion'],
  ['onelogin/gosaml2-olgn09-response-06-encrypted.b64', 'gosaml2-onelogin-sp.encryption.key', 'group'],
  ['shibboleth/crewjam-testshib-response.xml', 'crewjam-sp_key.pem', 'urn:oid:1.3.6.1.4.1.5923.1.1.1.1'],
];

describe('decryptAssertion: real encrypted messages (RSA-OAEP + AES-CBC)', () => {
  for (const [file, key, expected] of REAL) {
    it(`${file} opens with its SP key (${key})`, async () => {
      const r = await decryptAssertion(cryptoFixture(file), keyFile(key));
      expect(r).toMatchObject({ decrypted: 1, failed: 0, errors: [] });
      expect(r.xml).not.toContain('EncryptedAssertion');
      expect(r.xml).toMatch(/<(\w+:)?Assertion[\s>]/);
      expect(r.xml).toContain(expected);
    });
  }

  it('another SP key fails with the reason an admin can act on', async () => {
    const r = await decryptAssertion(cryptoFixture('shibboleth/crewjam-testshib-response.xml'), keyFile('gosaml2-onelogin-sp.encryption.key'));
    expect(r).toMatchObject({ decrypted: 0, failed: 1 });
    expect(r.errors[0]).toContain('encrypted for another key');
    expect(r.xml).toContain('EncryptedAssertion');
  });
});

describe('decryptAssertion: encrypted at test time', () => {
  const keys = makeKeys('rsa:2048', { cn: 'sp-encryption' });
  const plain = buildProtocolResponse({ assertion: { signature: null } });
  const cases: Array<[KeyTransport, ContentCipher, boolean]> = [
    ['rsa-oaep-mgf1p', 'aes128-cbc', false],
    ['rsa-oaep-mgf1p', 'aes256-cbc', true],
    ['rsa-oaep-sha256', 'aes256-gcm', false],
    ['rsa-1_5', 'aes128-cbc', false],
    ['rsa-1_5', 'aes128-gcm', true],
  ];
  for (const [transport, content, detachedKey] of cases) {
    it(`${transport} + ${content}${detachedKey ? ' (EncryptedKey beside EncryptedData)' : ''}`, async () => {
      const encrypted = encryptAssertion(plain, { certPem: keys.certPem, transport, content, detachedKey });
      expect(encrypted).not.toContain('jdoe@example.com');
      const r = await decryptAssertion(encrypted, keys.keyPem);
      expect(r.errors).toEqual([]);
      expect(r.xml).toContain('<saml:NameID>jdoe@example.com</saml:NameID>');
    });
  }

  it('an altered AES-GCM assertion fails authentication; a wrong RSA 1.5 key fails, whatever the random ciphertext', async () => {
    const gcm = encryptAssertion(plain, { certPem: keys.certPem, content: 'aes128-gcm' });
    // The first character of the assertion's own CipherValue (the last one), whatever it is: a `\w` pattern
    // skipped a value starting with '+' or '/' and altered the encrypted key instead, one run in 32.
    const at = gcm.lastIndexOf('<xenc:CipherValue>') + '<xenc:CipherValue>'.length;
    const altered = gcm.slice(0, at) + (gcm[at] === 'A' ? 'B' : 'A') + gcm.slice(at + 1);
    expect((await decryptAssertion(altered, keys.keyPem)).errors[0]).toContain('AES-GCM authentication failed');
    const other = makeKeys('rsa:2048', { cn: 'another-sp' });
    const r15 = encryptAssertion(plain, { certPem: other.certPem, transport: 'rsa-1_5' });
    expect((await decryptAssertion(r15, keys.keyPem)).errors[0]).toBe('RSA 1.5 decryption failed: the key was not encrypted for this private key');
  });

  it('reads PKCS#1 and PKCS#8 keys; refuses passphrase-protected, EC and garbage keys', () => {
    expect(readDecryptionKey(keyFile('crewjam-sp_key.pem')).bits).toBe(1024);
    expect(readDecryptionKey(keyFile('gosaml2-oktaenc_sp_encryption_key.pem')).bits).toBe(2048);
    expect(() => readDecryptionKey('-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----')).toThrow(/passphrase/);
    expect(() => readDecryptionKey(makeKeys('ec:P-256', { cn: 'ec-sp' }).keyPem)).toThrow(/not an RSA key/);
    expect(() => readDecryptionKey('nonsense')).toThrow(PrivateKeyError);
    expect(() => readDecryptionKey(keyFile('gosaml2-okta_cert.pem'))).toThrow(PrivateKeyError);
  });

  it('a message without EncryptedAssertion, or bad XML, comes back unchanged', async () => {
    expect(await decryptAssertion(plain, keys.keyPem)).toEqual({ xml: plain, decrypted: 0, failed: 0, errors: [] });
    expect((await decryptAssertion('<oops', keys.keyPem)).decrypted).toBe(0);
  });
});
