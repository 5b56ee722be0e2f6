import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CertificateError, certificateFromDer, parseCertificate } from './certificate';
import { ownBuffer } from './bytes';
import { readDerBlocks } from './pem';

const V1_EC = readFileSync('tests/fixtures/crypto/certificates/v1-ec-p256-generalized-time.pem', 'utf8');
const der = () => readDerBlocks(V1_EC)[0]!.der;

// Figures from `openssl x509 -noout -text -fingerprint -sha256` on the same file.
describe('certificate shapes beyond the IdP fixtures', () => {
  it('reads a v1 certificate with a GeneralizedTime notAfter, a UTF-8 name and an EC key', async () => {
    const c = await parseCertificate(V1_EC);
    expect(c.subject).toBe('CN=Long Lived EC, O=Example Ünïcode');
    expect(c.selfSigned).toBe(true);
    expect(c.notAfter).toBe('2136-06-06T23:58:47.000Z');
    expect(c.serialNumber).toBe('4960CE587421E8E9929E8734CA65FC1F803D51E8');
    expect(c.keyAlgorithm).toBe('EC');
    expect(c.curve).toBe('P-256');
    expect(c.keyBits).toBe(256);
    expect(c.signatureAlgorithm).toBe('ecdsa-with-SHA256');
    expect(c.sha256).toBe('A06F45D21F8A4BC6A2AF8079D00347C569B3A3044417F750B2467062A4D2FF15');
    // The key imports into WebCrypto from the bytes read out of the certificate.
    await expect(crypto.subtle.importKey('spki', ownBuffer(c.spki), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify'])).resolves.toBeDefined();
  });

  it('refuses a truncated certificate, trailing bytes and a different structure, saying which part failed', async () => {
    const bytes = der();
    await expect(certificateFromDer(bytes.subarray(0, bytes.length - 5))).rejects.toThrow(CertificateError);
    const trailing = new Uint8Array([...bytes, 0, 0]);
    await expect(certificateFromDer(trailing)).rejects.toThrow(/trailing bytes/);
    // An INTEGER where the certificate's SEQUENCE should be.
    await expect(certificateFromDer(new Uint8Array([2, 1, 5]))).rejects.toThrow(/certificate: expected a SEQUENCE/);
  });
});
