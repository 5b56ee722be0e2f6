import { describe, expect, it } from 'vitest';
import { analyzeWithTrust } from '../analyze-with-trust';
import { cryptoFixture, cryptoFixtureText, certificateForKey, keyFile } from '../../tests/support/crypto-fixtures';
import { b64, postEntry, plainEntry } from '../../tests/support/har-builder';
import { idpMetadata } from '../../tests/support/metadata-builder';
import { ENRICH_STEPS, enrich } from '../trust/enrich';
import { readMessages } from '../analyze';

const post = (xml: string) => postEntry('https://sp.example.com/acs', 'SAMLResponse', b64(xml));

describe('the signature step of analyzeWithTrust', () => {
  it('is registered, and not wanted for unsigned traffic without trust material', () => {
    const step = ENRICH_STEPS.find((s) => s.id === 'signatures')!;
    expect(step).toBeDefined();
    const unsigned = readMessages([post(cryptoFixture('entra/saml2aws-aad-response.xml').replace(/<Signature[\s\S]*<\/Signature>/, ''))]);
    expect(step.wanted(unsigned, {})).toBe(false);
    expect(step.wanted(unsigned, { certificates: ['x'] })).toBe(true);
    expect(step.wanted(readMessages([plainEntry('https://example.com/')]), { certificates: ['x'] })).toBe(false);
  });

  it('records each signature, trusted against the metadata, with the metadata facts', async () => {
    const metadata = idpMetadata('http://www.okta.com/exk5zt0r12Edi4rD20h7', [keyFile('gosaml2-okta_cert.pem')], 'https://dev-116807.oktapreview.com/app/sso/saml');
    const a = await analyzeWithTrust([post(cryptoFixture('okta/gosaml2-okta-response.xml'))], { trust: { metadata: [metadata] } });
    const v = a.messages[0]!.verification!;
    expect(v.signatures?.map((s) => [s.on, s.outcome, s.trusted])).toEqual([
      ['message', 'valid', true],
      ['assertion', 'valid', true],
    ]);
    expect(v.metadata).toEqual({ entityIds: ['http://www.okta.com/exk5zt0r12Edi4rD20h7'], ssoLocations: ['https://dev-116807.oktapreview.com/app/sso/saml', 'https://dev-116807.oktapreview.com/app/sso/saml/post'] });
    expect(v.trustedCertificates?.map((c) => c.subject)).toEqual([expect.stringContaining('CN=dev-116807')]);
  });

  it('decrypts with the SP key: the Response signature on the encrypted form, the assertion signature decrypted', async () => {
    const xml = cryptoFixture('okta/gosaml2-okta-response-encrypted.b64');
    const a = await analyzeWithTrust([post(xml)], { trust: { certificates: [keyFile('gosaml2-oktaenc_idp_signing_cert.pem')], decryptionKey: keyFile('gosaml2-oktaenc_sp_encryption_key.pem') } });
    const m = a.messages[0]!;
    expect(m.verification?.decryption).toEqual({ decrypted: 1, failed: 0 });
    expect(m.verification?.signatures?.map((s) => [s.on, s.outcome, s.trusted])).toEqual([
      ['message', 'valid', true],
      ['assertion', 'valid', true],
    ]);
    expect(m.assertions).toHaveLength(1);
    expect(m.assertions[0]!.attributes.find((x) => x.name === 'group')?.values.length).toBeGreaterThan(0);
    // The rules see the decrypted assertion: nothing about an unreadable one any more.
    expect(a.findings.map((f) => f.rule)).not.toContain('encrypted-assertion');
  });

  it('without the key an encrypted assertion stays encrypted; a wrong key is recorded', async () => {
    const xml = cryptoFixture('shibboleth/crewjam-testshib-response.xml');
    const none = await analyzeWithTrust([post(xml)]);
    expect(none.messages[0]!.assertions).toEqual([]);
    const wrong = await analyzeWithTrust([post(xml)], { trust: { decryptionKey: keyFile('gosaml2-onelogin-sp.encryption.key') } });
    expect(wrong.messages[0]!.verification?.decryption).toMatchObject({ decrypted: 0, failed: 1, detail: expect.stringContaining('another key') });
  });

  it('HTTP-Redirect requests: the query-string signature is checked against the given certificate', async () => {
    const query = cryptoFixtureText('requests/crewjam-authn-request-redirect-signed.query').trim();
    const entry = { ...plainEntry(`https://idp.testshib.org/idp/profile/SAML2/Redirect/SSO?${query}`) };
    const a = await analyzeWithTrust([entry], { trust: { certificates: [certificateForKey('crewjam-sp_key.pem')] } });
    expect(a.messages[0]!.verification?.signatures).toEqual([expect.objectContaining({ on: 'redirect-query', outcome: 'valid', trusted: true })]);
  });

  it('unreadable trust material is reported on the message, not thrown', async () => {
    const [m] = await enrich(readMessages([post(cryptoFixture('auth0/gosaml2-auth0-response.xml'))]), { certificates: ['not a certificate'], metadata: ['<x/>'], decryptionKey: 'nope' }, { strict: true });
    expect(m!.verification?.errors).toEqual([
      'metadata 1: no EntityDescriptor: this is not SAML metadata',
      'certificate 1: no certificate found: expected PEM, DER or base64',
      'decryption key: no private key found: expected a PEM "PRIVATE KEY" or "RSA PRIVATE KEY"',
    ]);
    // No usable trusted certificate: integrity only, origin unknown.
    expect(m!.verification?.signatures?.[0]).toMatchObject({ outcome: 'valid' });
    expect(m!.verification?.signatures?.[0]?.trusted).toBeUndefined();
  });
});
