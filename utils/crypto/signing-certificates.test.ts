import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildResponse } from '../../tests/support/response-builder';
import { makeKeys, signXml } from '../../tests/support/xml-signing';
import { signingCertificates } from './signing-certificates';

const sha256Of = (pem: string) => new X509Certificate(pem).fingerprint256.replaceAll(':', '');

describe('signingCertificates', () => {
  it('reads the certificate of each signature and names the element it signs', async () => {
    const idp = makeKeys('rsa:2048', { cn: 'cert-view-idp' });
    const other = makeKeys('rsa:2048', { cn: 'cert-view-other' });
    const xml = signXml(signXml(buildResponse(), { keys: idp, target: 'assertion' }), { keys: other, target: 'root' });
    const { certificates, problems } = await signingCertificates(xml);
    expect(problems).toEqual([]);
    expect(certificates.map((c) => [c.details.subject, c.details.sha256, c.signedElements[0]!.split(' ')[0]])).toEqual([
      ['CN=cert-view-other', sha256Of(other.certPem), 'Response'],
      ['CN=cert-view-idp', sha256Of(idp.certPem), 'Assertion'],
    ]);
    expect(certificates[1]!.details.pem.trim()).toBe(new X509Certificate(idp.certPem).toString().trim());
  });

  it('lists one certificate once when both signatures carry it', async () => {
    const idp = makeKeys('rsa:2048', { cn: 'cert-view-idp' });
    const xml = signXml(signXml(buildResponse(), { keys: idp, target: 'assertion' }), { keys: idp, target: 'root' });
    const { certificates } = await signingCertificates(xml);
    expect(certificates).toHaveLength(1);
    expect(certificates[0]!.signedElements).toHaveLength(2);
  });

  it('reports unreadable input instead of throwing', async () => {
    expect((await signingCertificates('<Response')).problems[0]).toMatch(/not well-formed/);
    const idp = makeKeys('rsa:2048', { cn: 'cert-view-idp' });
    const broken = signXml(buildResponse(), { keys: idp, target: 'assertion' }).replace(/(<(?:ds:)?X509Certificate>)[^<]+/, '$1MIIBroken');
    const result = await signingCertificates(broken);
    expect(result.certificates).toEqual([]);
    expect(result.problems[0]).toMatch(/Assertion ID=.* cannot be read|not base64/);
  });
});
