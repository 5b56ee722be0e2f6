// @vitest-environment happy-dom
// In a page the platform has its own DOMParser; verification must not depend on it (the digest covers
// canonical bytes, which a DOM with other namespace handling would change).
import { describe, expect, it } from 'vitest';
import { cryptoFixture, keyFile } from '../../tests/support/crypto-fixtures';
import { decryptAssertion, verifyMessage } from './index';

describe('in a page with its own DOM', () => {
  it('a signed Response verifies, and a tampered copy still fails on the digest', async () => {
    expect(typeof DOMParser).toBe('function');
    const xml = cryptoFixture('okta/gosaml2-okta-response.xml');
    const trust = { certificates: [keyFile('gosaml2-okta_cert.pem')] };
    expect((await verifyMessage(xml, trust)).signatures.map((s) => s.outcome)).toEqual(['valid', 'valid']);
    expect((await verifyMessage(xml.replace('russellhaering', 'someone-else'), trust)).signatures.map((s) => s.outcome)).toContain('digest-mismatch');
  });

  it('an encrypted assertion decrypts, and its signature verifies', async () => {
    const r = await decryptAssertion(cryptoFixture('onelogin/gosaml2-olgn09-response-06-encrypted.b64'), keyFile('gosaml2-onelogin-sp.encryption.key'));
    expect(r.decrypted).toBe(1);
    const v = await verifyMessage(r.xml, { certificates: [keyFile('gosaml2-onelogin-idp.signing.cert')] });
    expect(v.signatures).toEqual([expect.objectContaining({ on: 'assertion', outcome: 'valid', trusted: true })]);
  });
});
