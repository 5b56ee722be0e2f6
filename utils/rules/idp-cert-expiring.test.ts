import { describe, expect, it } from 'vitest';
import { cryptoFixture, keyFile } from '../../tests/support/crypto-fixtures';
import { buildProtocolResponse } from '../../tests/support/protocol-builder';
import { responseEntry, trustFindings } from '../../tests/support/trust-findings';
import { makeKeys, signXml } from '../../tests/support/xml-signing';

const RULE = 'idp-cert-expiring';
const DAY = 86_400_000;

describe(RULE, () => {
  const keys = makeKeys('rsa:2048', { cn: 'expiring', days: 20 });
  const xml = signXml(buildProtocolResponse({ assertion: { signature: null } }), { keys, target: 'assertion' });

  it('fires within 30 days of expiry, saying how many days are left', async () => {
    const [f] = await trustFindings(RULE, [responseEntry(xml)], { now: Date.now() + 5 * DAY });
    expect(f).toMatchObject({ severity: 'warning', evidence: { daysLeft: expect.stringMatching(/^1[45]$/) } });
    expect(f!.message).toMatch(/^The IdP signing certificate CN=expiring \(SHA-1 .*\), used by the assertion signature, expires on \d{4}-\d\d-\d\d: 1[45] days after this sign-in\.$/);
  });

  it('stays silent with more than 30 days left, and once expired (idp-cert-expired speaks then)', async () => {
    const long = makeKeys('rsa:2048', { cn: 'long', days: 365 });
    expect(await trustFindings(RULE, [responseEntry(signXml(buildProtocolResponse({ assertion: { signature: null } }), { keys: long, target: 'root' }))], { now: Date.now() })).toEqual([]);
    expect(await trustFindings(RULE, [responseEntry(xml)], { now: Date.now() + 25 * DAY })).toEqual([]);
  });

  it('real fixture: the ADFS certificate, 30 days before its notAfter (2017-11-02)', async () => {
    const entry = responseEntry(cryptoFixture('adfs/gosaml2-adfs-response.b64'));
    const trust = { certificates: [keyFile('gosaml2-adfs_idp_signing_cert.pem')] };
    expect(await trustFindings(RULE, [entry], { trust, now: '2017-10-10T00:00:00Z' })).toHaveLength(1);
    expect(await trustFindings(RULE, [entry], { trust, now: '2017-09-21T23:30:00Z' })).toEqual([]);
  });
});
