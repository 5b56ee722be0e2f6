import { describe, expect, it } from 'vitest';
import { certificateMatch, certificateRows, pemFileName } from './certificate-view';
import type { CertificateSummary } from './types';

const cert: CertificateSummary = {
  subject: 'CN=Microsoft Azure Federated SSO Certificate',
  issuer: 'CN=Microsoft Azure Federated SSO Certificate',
  notBefore: '2026-01-01T00:00:00.000Z',
  notAfter: '2029-01-01T00:00:00.000Z',
  sha1: 'AB12CD34EF56AB12CD34EF56AB12CD34EF56AB12',
  sha256: '00'.repeat(32),
  keyAlgorithm: 'RSA',
  keyBits: 2048,
};
const other = { ...cert, sha1: 'FF'.repeat(20), sha256: 'FF'.repeat(32) };
const NOW = Date.parse('2028-12-02T12:00:00Z');

describe('certificateRows', () => {
  it('shows subject, issuer, validity with days left, both thumbprints and the key', () => {
    const rows = Object.fromEntries(certificateRows(cert, NOW).map((r) => [r.label, r.value]));
    expect(rows).toMatchObject({
      Subject: cert.subject,
      Validity: '2026-01-01 to 2029-01-01: 29 days left',
      'SHA-1 thumbprint': cert.sha1,
      'SHA-256 thumbprint': cert.sha256,
      Key: 'RSA 2048 bits',
    });
  });

  it('says when the certificate expired or is not valid yet, and when the key is weak', () => {
    const value = (c: CertificateSummary, now: number, label: string) => certificateRows(c, now).find((r) => r.label === label)!.value;
    expect(value(cert, Date.parse('2029-01-03T00:00:00Z'), 'Validity')).toMatch(/expired 2 days ago$/);
    expect(value(cert, Date.parse('2025-06-01T00:00:00Z'), 'Validity')).toMatch(/not valid yet$/);
    expect(value({ ...cert, keyBits: 1024 }, NOW, 'Key')).toBe('RSA 1024 bits: under 2048 bits, weak');
  });
});

describe('certificateMatch', () => {
  it('is open without trust material, and compares thumbprints with the configured certificates', () => {
    expect(certificateMatch(cert, undefined).state).toBe('not-configured');
    expect(certificateMatch(cert, { trustedCertificates: [other, cert], metadata: { entityIds: ['x'], ssoLocations: [] } })).toMatchObject({ state: 'matches', text: expect.stringMatching(/metadata/) });
    const differs = certificateMatch(cert, { trustedCertificates: [other] });
    expect(differs).toMatchObject({ state: 'differs', text: expect.stringMatching(/rotated/) });
    expect(differs.state === 'differs' && differs.configured).toEqual([other]);
  });
});

it('names the PEM file after the CN and the thumbprint, with nothing a file system refuses', () => {
  expect(pemFileName(cert)).toBe('Microsoft-Azure-Federated-SSO-Certificate-ab12cd34.pem');
  expect(pemFileName({ subject: 'CN=../../etc/passwd', sha1: 'AA' })).toBe('etc-passwd-aa.pem');
  expect(pemFileName({ subject: '', sha1: '01' })).toBe('certificate-01.pem');
});
