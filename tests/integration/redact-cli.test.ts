// `npm run --silent redact -- FILE`: the redacted HAR on stdout, the summary on stderr, exit 0 / 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runRedact } from '../../cli/run-redact';
import { analyzeSaml as analyze } from '../support/saml-analysis';
import { readCapture } from '../../utils/har/read-capture';
import { fixtureText } from '../support/har-builder';
import { buildHar, secret, visible } from '../support/planted-secrets';

const dir = mkdtempSync(join(tmpdir(), 'sso-lens-redact-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const io = { readFile: (p: string) => readFileSync(p, 'utf8') };

describe('npm run redact', () => {
  it('HARs with planted secrets: nothing planted survives, the output is a valid HAR that still analyzes', () => {
    const samples = fc.sample(fc.array(secret, { minLength: 2, maxLength: 6 }), { numRuns: 60, seed: 15 });
    for (const [i, secrets] of samples.entries()) {
      const { har, planted } = buildHar(secrets, i);
      const before = analyze(readCapture(JSON.stringify(har)).entries);
      const r = runRedact([file(`planted-${i}.har`, JSON.stringify(har))], io);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      const seen = visible(out);
      for (const core of planted) expect(seen, core).not.toContain(core);
      expect(out.log.version).toBe('1.2');
      expect(out.log.entries).toHaveLength(har.log.entries.length);
      const after = analyze(readCapture(r.stdout).entries);
      expect(after.messages.map((m) => [m.kind, m.id])).toEqual(before.messages.map((m) => [m.kind, m.id]));
      expect(r.stderr).toMatch(/^Redacted \d+ entries of .*:\n(  +\d+ [\w -]+\n)+$/);
    }
  });

  it('reads SAML-tracer exports and raw messages too; --replace-groups; - reads stdin', () => {
    const raw = runRedact([file('okta.xml', fixtureText('adfs/netsaml2-adfs-plain-groups.xml'))], io);
    expect(raw.code).toBe(0);
    const groups = (stdout: string) => analyze(readCapture(stdout).entries).messages[0]!.assertions[0]!.attributes.find((a) => a.name.endsWith('/Group'))!.values;
    expect(groups(raw.stdout)).toEqual(['Domain Users', 'Zaaksysteemgebruikers']);
    const replaced = runRedact(['--replace-groups', file('okta2.xml', fixtureText('adfs/netsaml2-adfs-plain-groups.xml'))], io);
    expect(groups(replaced.stdout)).toEqual(['group-1', 'group-2']);
    expect(replaced.stderr).toContain('2 group names');
    expect(runRedact(['-'], { readFile: () => fixtureText('requests/crewjam-authn-request.url') }).code).toBe(0);
  });

  it('exit 2 with a one-line reason when it cannot run', () => {
    for (const [argv, reason] of [
      [[], /give exactly one input file/],
      [['a', 'b'], /give exactly one input file/],
      [['--nope', 'a'], /Unknown option/],
      [[join(dir, 'missing.har')], /cannot read .*missing\.har: ENOENT/],
      [[file('bad.har', '{"log": {"entries": 5}}')], /no "entries" list/],
      [[file('junk.txt', 'hello, world!')], /Not a HAR file/],
      [[file('broken.har', '{"log": ')], /not valid JSON/],
    ] as const) {
      const r = runRedact([...argv], io);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(reason);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('runs as an npm script', { timeout: 120_000 }, () => {
    const { har } = buildHar([{ core: 'Qcli0secret0Token7x', kind: 'token', place: 0, encoding: 'plain', wide: false }], 1);
    const r = spawnSync('npm', ['run', '--silent', 'redact', '--', file('cli.har', JSON.stringify(har))], { encoding: 'utf8', cwd: join(import.meta.dirname, '../..') });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('Qcli0secret0Token7x');
    expect(JSON.parse(r.stdout).log.entries).toHaveLength(har.log.entries.length);
    expect(r.stderr).toMatch(/^Redacted \d+ entries of .*cli\.har:\n/);
    const missing = spawnSync('npm', ['run', '--silent', 'redact', '--', join(dir, 'none.har')], { encoding: 'utf8', cwd: join(import.meta.dirname, '../..') });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^sso-lens redact: cannot read .*none\.har: ENOENT\n$/);
  });
});
