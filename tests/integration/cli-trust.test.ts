// The command line's trust material: --idp-cert (PEM, DER, base64), --metadata and --decrypt-key.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli';
import { cryptoFixture, keyFile } from '../support/crypto-fixtures';
import { b64, har, postEntry } from '../support/har-builder';
import { idpMetadata } from '../support/metadata-builder';

const dir = mkdtempSync(join(tmpdir(), 'sso-lens-cli-trust-'));
const write = (name: string, data: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};
const io = { readFile: (p: string) => readFileSync(p, 'utf8'), readBytes: (p: string) => new Uint8Array(readFileSync(p)), color: false };
const rules = (stdout: string) => (JSON.parse(stdout) as { findings: Array<{ rule: string }> }).findings.map((f) => f.rule);

const OKTA = write('okta.har', har([postEntry('http://localhost:8080/v1/_saml_callback', 'SAMLResponse', b64(cryptoFixture('okta/gosaml2-okta-response.xml')), { time: '2016-07-25T23:15:20.000Z' })]));

describe('npm run analyze with trust material', () => {
  it('--idp-cert: the right certificate (PEM or DER) is silent, another one is signed-by-unknown-cert', async () => {
    const pem = write('okta.pem', keyFile('gosaml2-okta_cert.pem'));
    const der = write('okta.der', Buffer.from(keyFile('gosaml2-okta_cert.pem').replace(/-----[^-]+-----|\s/g, ''), 'base64'));
    for (const cert of [pem, der]) expect(rules((await runCli(['--json', '--idp-cert', cert, OKTA], io)).stdout)).not.toContain('signed-by-unknown-cert');
    const other = await runCli(['--json', '--idp-cert', write('auth0.pem', keyFile('gosaml2-auth0_cert.pem')), OKTA], io);
    expect(rules(other.stdout).filter((r) => r === 'signed-by-unknown-cert')).toHaveLength(2);
    expect(other.code).toBe(1);
  });

  it('--metadata: an Issuer the metadata does not name is metadata-mismatch', async () => {
    const md = write('md.xml', idpMetadata('http://www.okta.com/another-app', [keyFile('gosaml2-okta_cert.pem')]));
    expect(rules((await runCli(['--json', '--metadata', md, OKTA], io)).stdout)).toContain('metadata-mismatch');
  });

  it('--decrypt-key: the encrypted assertion is read, its attributes reach the rules', async () => {
    const enc = write('enc.har', har([postEntry('https://sp.example.com/acs', 'SAMLResponse', b64(cryptoFixture('shibboleth/crewjam-testshib-response.xml')), { time: '2015-12-01T01:57:00.000Z' })]));
    expect(rules((await runCli(['--json', enc], io)).stdout)).toContain('encrypted-assertion');
    const key = write('sp.pem', keyFile('crewjam-sp_key.pem'));
    expect(rules((await runCli(['--json', '--decrypt-key', key, enc], io)).stdout)).not.toContain('encrypted-assertion');
    // The text report shows the decrypted assertion's subject.
    expect((await runCli(['--decrypt-key', key, enc], io)).stdout).toContain('_41bd295976dadd70e1480f318e772841');
  });

  it('an unreadable trust file is a usage error (exit 2)', async () => {
    const r = await runCli(['--idp-cert', join(dir, 'missing.pem'), OKTA], io);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/^sso-lens: Cannot use --idp-cert [^:]+: ENOENT/);
  });
});
