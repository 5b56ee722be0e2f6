// The command line's JSON report on every real fixture, held as a file snapshot: an engine change that moves a
// message, flow or finding shows up here as a reviewable diff.
import { readdirSync, statSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli';
import { b64, deflateB64, fixtureXml, har, plainEntry, postEntry, redirectEntry } from '../support/har-builder';
import { tracedSignIn } from '../support/trace-builder';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
// The repository's own fixtures and the shared set of real messages beside the checkout.
const FIXTURE_DIRS = [join(ROOT, 'tests/fixtures/saml'), join(ROOT, 'tests/fixtures/fuzz-regressions'), join(ROOT, '../shared/fixtures/saml')];
// Raw messages carry no capture time: judge them all at one instant so the snapshot does not age.
const NOW = '2020-01-01T00:00:00Z';

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return files(path);
      return name.endsWith('.md') ? [] : [path];
    });
}

const AUTHN = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_15f66d2d-628b-4d9b-a99e-089d8da862e1" Version="2.0" IssueInstant="2016-07-25T23:15:00Z" AssertionConsumerServiceURL="https://sonarcloud.io/sso/callback"><saml:Issuer>"123"</saml:Issuer></samlp:AuthnRequest>`;
const tmp = mkdtempSync(join(tmpdir(), 'sso-lens-snapshot-'));
// A whole sign-in with its non-SAML hops, a 403 at the ACS and an unreadable field: flows, keys and statuses.
const SIGN_IN_HAR = join(tmp, 'sign-in.har');
writeFileSync(
  SIGN_IN_HAR,
  har([
    plainEntry('https://sonarcloud.io/login', { time: '2016-07-25T23:14:59.000Z' }),
    redirectEntry('https://dev.okta.example/app/sso/saml', 'SAMLRequest', deflateB64(AUTHN), { time: '2016-07-25T23:15:00.000Z' }),
    postEntry('https://sonarcloud.io/sso/callback', 'SAMLResponse', b64(fixtureXml('okta/gosaml2-okta-response.xml')), { time: '2016-07-25T23:15:20.000Z', status: 403 }),
    postEntry('https://other.example/form', 'SAMLResponse', 'bm90IHNhbWw=', { time: '2016-07-25T23:16:00.000Z' }),
  ]),
);

// The requests around a sign-in's messages (login redirect, IdP error page, landing page): the flow's trace.
const TRACED_HAR = join(tmp, 'sign-in-trace.har');
writeFileSync(TRACED_HAR, har(tracedSignIn()));

const io = { color: false };
/** Files written for the test live in a temporary folder: keyed by their name alone. */
const keyOf = (file: string) => relative(ROOT, file).replace(/^.*\/(sign-in[\w-]*\.har)$/, '$1');

async function report(file: string, extra: string[]) {
  const r = await runCli(['--json', '--now', NOW, ...extra, file], io);
  const json = r.stdout ? JSON.parse(r.stdout) : null;
  if (json) json.files = json.files.map(keyOf);
  // Paths in messages are machine-specific: show them relative to the checkout.
  return { code: r.code, stderr: r.stderr.split(`${ROOT}/`).join('<root>/'), json };
}

describe('CLI JSON on every fixture', () => {
  it('the shared fixtures are there', () => {
    for (const dir of FIXTURE_DIRS) expect(existsSync(dir), dir).toBe(true);
  });

  for (const [name, extra] of [
    ['detected', []],
    ['sonarqube-cloud', ['--profile', 'sonarqube-cloud']],
  ] as const) {
    it(`matches the snapshot (${name} profile)`, async () => {
      const all: Record<string, unknown> = {};
      for (const file of [...FIXTURE_DIRS.flatMap(files), SIGN_IN_HAR, TRACED_HAR]) {
        all[keyOf(file)] = await report(file, [...extra]);
      }
      await expect(`${JSON.stringify(all, null, 1)}\n`).toMatchFileSnapshot(`__snapshots__/cli-json-${name}.json`);
    });
  }
});
