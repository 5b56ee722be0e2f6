import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cryptoFixture, keyFile } from '../../tests/support/crypto-fixtures';
import { makeKeys } from '../../tests/support/xml-signing';
import { CertificateError, daysLeft, parseCertificate, parseCertificates, thumbprints } from './certificate';

/** Node's own X.509 reader is the reference the parsed facts are compared with. */
function reference(pem: string) {
  const x = new X509Certificate(pem);
  return { sha1: x.fingerprint.replaceAll(':', ''), sha256: x.fingerprint256.replaceAll(':', ''), bits: x.publicKey.asymmetricKeyDetails?.modulusLength, notAfter: new Date(x.validTo).toISOString() };
}

describe('parseCertificate', () => {
  it('reads a real IdP certificate: subject, validity, key size and both thumbprints as Node computes them', async () => {
    const pem = keyFile('gosaml2-okta_cert.pem');
    const c = await parseCertificate(pem);
    const ref = reference(pem);
    expect(c).toMatchObject({ sha1: ref.sha1, sha256: ref.sha256, keyAlgorithm: 'RSA', keyBits: ref.bits, notAfter: ref.notAfter, selfSigned: true });
    expect(c.subject).toBe('C=US, ST=California, L=San Francisco, O=Okta, OU=SSOProvider, CN=dev-116807, E=info@okta.com');
    expect(c.signatureAlgorithm).toBe('sha1WithRSAEncryption');
    expect(thumbprints(c)).toBe(`SHA-1 ${ref.sha1}, SHA-256 ${ref.sha256}`);
  });

  it('reads PEM, DER, base64 DER, and base64 of a whole PEM file (ruby-saml KeyInfo) to the same certificate', async () => {
    const pem = keyFile('gosaml2-adfs_idp_signing_cert.pem');
    const b64 = pem.replace(/-----[^-]+-----|\s/g, '');
    const der = new Uint8Array(Buffer.from(b64, 'base64'));
    const doubled = Buffer.from(pem).toString('base64');
    const sha256 = reference(pem).sha256;
    for (const input of [pem, b64, der, doubled, `\n  ${b64.match(/.{1,64}/g)!.join('\n  ')}\n`]) expect((await parseCertificate(input)).sha256).toBe(sha256);
    const x509 = /X509Certificate>([^<]+)/.exec(cryptoFixture('adfs/rubysaml-adfs-response-sha256.xml'))![1]!;
    expect((await parseCertificate(x509)).subject).toContain('CN=');
  });

  it('exports PEM that openssl-compatible tools read back byte for byte', async () => {
    const pem = keyFile('gosaml2-auth0_cert.pem');
    const c = await parseCertificate(pem);
    expect(new X509Certificate(c.pem).fingerprint256).toBe(new X509Certificate(pem).fingerprint256);
    expect(c.pem).toMatch(/^-----BEGIN CERTIFICATE-----\n(.{64}\n)+.{1,64}\n-----END CERTIFICATE-----\n$/);
  });

  it('reads every block of a PEM bundle; an EC key says its curve; a 1024-bit key says 1024', async () => {
    const ec = makeKeys('ec:P-256', { cn: 'ec-idp' });
    const weak = await parseCertificate(keyFile('gosaml2-oam_cert.pem'));
    expect(weak.keyBits).toBe(1024);
    const both = await parseCertificates(ec.certPem + keyFile('gosaml2-oam_cert.pem'));
    expect(both.map((c) => [c.keyAlgorithm, c.keyBits])).toEqual([
      ['EC', 256],
      ['RSA', 1024],
    ]);
    expect(both[0]!.curve).toBe('P-256');
    expect(both[0]!.subject).toBe('CN=ec-idp');
  });

  it('refuses what is not a certificate, with a reason, never crashing', async () => {
    for (const bad of ['', 'hello', keyFile('crewjam-sp_key.pem'), 'MIIB', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----', new Uint8Array([0x30, 0x03, 1, 2, 3])]) {
      await expect(parseCertificate(bad)).rejects.toBeInstanceOf(CertificateError);
    }
  });

  it('days left count down from `now`, negative once expired', async () => {
    const c = await parseCertificate(keyFile('gosaml2-adfs_idp_signing_cert.pem'));
    expect(c.notAfter).toBe('2017-11-02T22:29:15.000Z');
    expect(daysLeft(c, Date.parse('2017-10-03T22:29:15Z'))).toBe(30);
    expect(daysLeft(c, Date.parse('2017-11-02T22:29:14Z'))).toBe(0);
    expect(daysLeft(c, Date.parse('2017-11-03T22:29:16Z'))).toBe(-2);
  });
});
