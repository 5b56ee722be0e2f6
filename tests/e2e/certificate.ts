import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SigningCredentials {
  /** PEM private key (PKCS#8). */
  key: string;
  /** PEM self-signed X.509 certificate. */
  cert: string;
}

/**
 * A fresh RSA key and self-signed certificate, made for this test run only: nothing secret is checked in,
 * and every run signs with a key no other run has seen.
 */
export async function createSigningCredentials(commonName: string): Promise<SigningCredentials> {
  const dir = await mkdtemp(join(tmpdir(), 'sso-lens-e2e-keys-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    // Valid for a year, as an IdP's certificate is: one expiring within 30 days is itself a finding
    // (idp-cert-expiring), which no healthy sign-in should carry.
    await run('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes',
      '-subj', `/CN=${commonName}`, '-days', '365',
      '-keyout', keyPath, '-out', certPath,
    ]);
    return { key: await readFile(keyPath, 'utf8'), cert: await readFile(certPath, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
