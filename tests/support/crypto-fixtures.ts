// The signed and encrypted fixtures of tests/fixtures/crypto (see its SOURCES.md), with the keys that go with them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/crypto');

/** A message fixture's XML (.b64 files are plain base64). */
export function cryptoFixture(path: string): string {
  const t = readFileSync(join(ROOT, 'saml', path), 'utf8');
  return path.endsWith('.b64') ? Buffer.from(t.trim(), 'base64').toString('utf8') : t;
}

export function cryptoFixtureText(path: string): string {
  return readFileSync(join(ROOT, 'saml', path), 'utf8');
}

export function keyFile(name: string): string {
  return readFileSync(join(ROOT, 'keys', name), 'utf8');
}

/** A self-signed certificate over a fixture private key, for signatures whose certificate was not published. */
export function certificateForKey(name: string): string {
  return execFileSync('openssl', ['req', '-new', '-x509', '-key', join(ROOT, 'keys', name), '-subj', '/CN=test', '-days', '30'], { encoding: 'utf8' });
}

/** Signed real messages and the IdP certificate each verifies with (the upstream suites' own pairs). */
export const SIGNED_FIXTURES: Array<{ file: string; cert: string; signed: Array<'message' | 'assertion'> }> = [
  { file: 'adfs/gosaml2-adfs-response.b64', cert: 'gosaml2-adfs_idp_signing_cert.pem', signed: ['assertion'] },
  { file: 'okta/gosaml2-okta-response.xml', cert: 'gosaml2-okta_cert.pem', signed: ['message', 'assertion'] },
  { file: 'auth0/gosaml2-auth0-response.xml', cert: 'gosaml2-auth0_cert.pem', signed: ['message'] },
  { file: 'oracle/gosaml2-oam-response.xml', cert: 'gosaml2-oam_cert.pem', signed: ['assertion'] },
  { file: 'onelogin/gosaml2-onelogin-response.xml', cert: 'gosaml2-onelogin_cert.pem', signed: ['assertion'] },
  { file: 'onelogin/gosaml2-olgn09-response-01.b64', cert: 'gosaml2-onelogin-idp.signing.cert', signed: ['message'] },
  { file: 'onelogin/gosaml2-olgn09-response-03-signed-assertion.b64', cert: 'gosaml2-onelogin-idp.signing.cert', signed: ['assertion'] },
  { file: 'invalid/gosaml2-olgn09-wrong-audience.b64', cert: 'gosaml2-onelogin-idp.signing.cert', signed: ['message'] },
  { file: 'pingfed/gosaml2-pfed11-response-01.b64', cert: 'gosaml2-pingfed-idp.signing.cert', signed: ['message'] },
];

/** Signed real messages whose certificate is only the one they carry. */
export const SELF_CERTIFIED_FIXTURES: Array<{ file: string; signed: Array<'message' | 'assertion'> }> = [
  { file: 'adfs/rubysaml-adfs-response-sha256.xml', signed: ['assertion'] },
  { file: 'simplesamlphp/python3saml-double-signed-response.b64', signed: ['message', 'assertion'] },
  { file: 'simplesamlphp/python3saml-signed-message-response.b64', signed: ['message'] },
  { file: 'onelogin/crewjam-onelogin-response.b64', signed: ['message'] },
  { file: 'google/crewjam-google-plaintext-response.b64', signed: ['message'] },
  { file: 'entra/netsaml2-issue-49-response.xml', signed: ['message', 'assertion'] },
  { file: 'secureworks/crewjam-secureworks-signed-assertion.xml', signed: ['assertion'] },
  { file: 'requests/crewjam-authn-request-post-signed.xml', signed: ['message'] },
  { file: 'okta/crewjam-okta-signed-response-encrypted-assertion.b64', signed: ['message'] },
];
