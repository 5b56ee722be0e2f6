import { describe, expect, it } from 'vitest';
import { cryptoFixture, keyFile } from '../../tests/support/crypto-fixtures';
import { idpMetadata } from '../../tests/support/metadata-builder';
import { buildProtocolResponse } from '../../tests/support/protocol-builder';
import { responseEntry, trustFindings } from '../../tests/support/trust-findings';
import { makeKeys, signXml } from '../../tests/support/xml-signing';
import { parseCertificate } from '../crypto/certificate';

const RULE = 'signed-by-unknown-cert';

describe(RULE, () => {
  const unsigned = buildProtocolResponse({ assertion: { signature: null } });
  const old = makeKeys('rsa:2048', { cn: 'idp-2025' });
  const rotated = makeKeys('rsa:2048', { cn: 'idp-2026' });

  it('fires when the IdP rotated its key: both certificates with SHA-1 and SHA-256 thumbprints', async () => {
    const xml = signXml(signXml(unsigned, { keys: rotated, target: 'assertion' }), { keys: rotated, target: 'root' });
    const findings = await trustFindings(RULE, [responseEntry(xml)], { trust: { certificates: [old.certPem] } });
    expect(findings).toHaveLength(2);
    const [oldCert, newCert] = await Promise.all([parseCertificate(old.certPem), parseCertificate(rotated.certPem)]);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      evidence: { path: 'Response/Signature', signerSha1: newCert.sha1, signerSha256: newCert.sha256, trustedSha1: oldCert.sha1, trustedSha256: oldCert.sha256 },
    });
    expect(findings[0]!.message).toBe(
      `The Response signature verifies with CN=idp-2026 (SHA-1 ${newCert.sha1}, SHA-256 ${newCert.sha256}), not with the trusted certificate CN=idp-2025 (SHA-1 ${oldCert.sha1}, SHA-256 ${oldCert.sha256}): the IdP signs with another certificate than the service expects.`,
    );
    expect(findings[1]!.message).toMatch(/^The assertion signature verifies with CN=idp-2026/);
  });

  it('stays silent when the trusted certificate verifies, and without trust material', async () => {
    const xml = signXml(unsigned, { keys: old, target: 'root' });
    expect(await trustFindings(RULE, [responseEntry(xml)], { trust: { certificates: [old.certPem] } })).toEqual([]);
    // Metadata carrying both the current and the next certificate (a rotation in progress) is fine.
    expect(await trustFindings(RULE, [responseEntry(signXml(unsigned, { keys: rotated, target: 'root' }))], { trust: { metadata: [idpMetadata('https://idp.example.com/metadata', [old.certPem, rotated.certPem])] } })).toEqual([]);
    expect(await trustFindings(RULE, [responseEntry(xml)])).toEqual([]);
  });

  it('real fixture: the Okta response with Auth0\'s certificate as the trusted one', async () => {
    const findings = await trustFindings(RULE, [responseEntry(cryptoFixture('okta/gosaml2-okta-response.xml'))], { trust: { certificates: [keyFile('gosaml2-auth0_cert.pem')] } });
    expect(findings.map((f) => f.evidence?.signerSha1)).toEqual(['2C0704BC2751B6E48152E7196E65D2322F706B80', '2C0704BC2751B6E48152E7196E65D2322F706B80']);
    expect(await trustFindings(RULE, [responseEntry(cryptoFixture('okta/gosaml2-okta-response.xml'))], { trust: { certificates: [keyFile('gosaml2-okta_cert.pem')] } })).toEqual([]);
  });
});
