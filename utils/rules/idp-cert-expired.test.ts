import { describe, expect, it } from 'vitest';
import { cryptoFixture, keyFile } from '../../tests/support/crypto-fixtures';
import { idpMetadata } from '../../tests/support/metadata-builder';
import { buildProtocolResponse } from '../../tests/support/protocol-builder';
import { responseEntry, trustFindings } from '../../tests/support/trust-findings';
import { makeKeys, signXml } from '../../tests/support/xml-signing';

const RULE = 'idp-cert-expired';
const DAY = 86_400_000;

describe(RULE, () => {
  const keys = makeKeys('rsa:2048', { cn: 'short-lived', days: 10 });
  const xml = signXml(buildProtocolResponse({ assertion: { signature: null } }), { keys, target: 'root' });

  it('fires for the signing certificate once past its notAfter at --now', async () => {
    const [f, ...rest] = await trustFindings(RULE, [responseEntry(xml)], { now: Date.now() + 40 * DAY });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', evidence: { path: 'Signature/KeyInfo/X509Data/X509Certificate' } });
    expect(f!.message).toMatch(/^The IdP signing certificate CN=short-lived \(SHA-1 [0-9A-F]{40}, SHA-256 [0-9A-F]{64}\), used by the Response signature, expired on \d{4}-\d\d-\d\d \((29|30) days before this sign-in\)\.$/);
  });

  it('stays silent while the certificate is valid', async () => {
    expect(await trustFindings(RULE, [responseEntry(xml)], { now: Date.now() })).toEqual([]);
  });

  it('fires for an expired certificate in the metadata even when the signature used another', async () => {
    const fresh = makeKeys('rsa:2048', { cn: 'fresh' });
    const metadata = idpMetadata('https://idp.example.com/metadata', [fresh.certPem, keyFile('gosaml2-adfs_idp_signing_cert.pem')]);
    const signed = signXml(buildProtocolResponse({ assertion: { signature: null } }), { keys: fresh, target: 'root' });
    const [f] = await trustFindings(RULE, [responseEntry(signed)], { now: Date.now(), trust: { metadata: [metadata] } });
    expect(f!.message).toContain('CN=ADFS Signing - fs.spstest2.com (SHA-1 11B92E7F19CAF39D46E0C03DA8C51DB10A2156DB');
    expect(f!.message).toContain('trusted (metadata or pinned), expired on 2017-11-02');
  });

  it('real fixture: the ADFS certificate had not expired at the capture, had a year later', async () => {
    const entry = responseEntry(cryptoFixture('adfs/gosaml2-adfs-response.b64'));
    const trust = { certificates: [keyFile('gosaml2-adfs_idp_signing_cert.pem')] };
    expect(await trustFindings(RULE, [entry], { trust, now: '2017-09-21T23:30:00Z' })).toEqual([]);
    expect(await trustFindings(RULE, [entry], { trust, now: '2018-09-21T23:30:00Z' })).toHaveLength(1);
  });
});
