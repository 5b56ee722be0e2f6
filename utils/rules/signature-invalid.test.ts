import { describe, expect, it } from 'vitest';
import { certificateForKey, cryptoFixture, cryptoFixtureText, keyFile } from '../../tests/support/crypto-fixtures';
import { plainEntry } from '../../tests/support/har-builder';
import { buildProtocolResponse } from '../../tests/support/protocol-builder';
import { responseEntry, trustFindings } from '../../tests/support/trust-findings';
import { makeKeys, signXml } from '../../tests/support/xml-signing';

const RULE = 'signature-invalid';

describe(RULE, () => {
  const keys = makeKeys('rsa:2048');
  const signed = signXml(buildProtocolResponse({ assertion: { signature: null } }), { keys, target: 'assertion' });

  it('fires on a digest mismatch, naming the element and saying what changed', async () => {
    const [f, ...rest] = await trustFindings(RULE, [responseEntry(signed.replace('jdoe@example.com', 'admin@example.com'))]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { path: 'Assertion/Signature', value: 'digest-mismatch', element: 'Assertion ID="_assert-1"' } });
    expect(f!.message).toBe(
      'The assertion signature does not verify (digest): the digest of Assertion ID="_assert-1" does not match its DigestValue: the Assertion was changed or re-encoded after it was signed (the signature value over SignedInfo is intact).',
    );
  });

  it('fires on a signature value that no certificate verifies', async () => {
    const [f] = await trustFindings(RULE, [responseEntry(signed.replace(/<ds:SignatureValue>./, (m) => m.slice(0, -1) + (m.endsWith('A') ? 'B' : 'A')))]);
    expect(f).toMatchObject({ evidence: { value: 'signature-mismatch' } });
    expect(f!.message).toContain('The assertion signature does not verify (signature value): the digest of Assertion ID="_assert-1" matches');
  });

  it('stays silent on an intact signature, on unsigned messages, and on an SP-signed Redirect request checked with IdP certificates', async () => {
    expect(await trustFindings(RULE, [responseEntry(signed)], { trust: { certificates: [keys.certPem] } })).toEqual([]);
    expect(await trustFindings(RULE, [responseEntry(buildProtocolResponse({ assertion: { signature: null } }))])).toEqual([]);
    const query = cryptoFixtureText('requests/crewjam-authn-request-redirect-signed.query').trim();
    const request = plainEntry(`https://idp.testshib.org/idp/profile/SAML2/Redirect/SSO?${query}`);
    expect(await trustFindings(RULE, [request], { trust: { certificates: [keyFile('gosaml2-okta_cert.pem')] } })).toEqual([]);
    expect(await trustFindings(RULE, [request], { trust: { certificates: [certificateForKey('crewjam-sp_key.pem')] } })).toEqual([]);
  });

  it('real fixtures: each signed message passes; a tampered copy fires', async () => {
    const xml = cryptoFixture('onelogin/gosaml2-olgn09-response-01.b64');
    const trust = { certificates: [keyFile('gosaml2-onelogin-idp.signing.cert')] };
    expect(await trustFindings(RULE, [responseEntry(xml)], { trust })).toEqual([]);
    const [f] = await trustFindings(RULE, [responseEntry(xml.replace('<saml2:AttributeValue ', '<saml2:AttributeValue xml:lang="en" '))], { trust });
    expect(f!.evidence).toMatchObject({ path: 'Response/Signature', value: 'digest-mismatch' });
  });
});
