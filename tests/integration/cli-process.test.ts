// The bundled `sso-lens` as support staff run it: a real `node` process on the built file, every input form,
// every report format, batch mode, stdin, bad input, with exit codes and messages.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPTIONS } from '../../cli/options';
import { b64, har, postEntry } from '../support/har-builder';
import { exportJWK, generateKeyPair } from 'jose';
import { oidcSignIn, signingJwks } from '../support/oidc-builder';
import { buildResponse, SONAR_ACS } from '../support/response-builder';
import { tracedSignIn } from '../support/trace-builder';

const ROOT = process.cwd();
const FIXTURES = join(ROOT, 'tests/fixtures/cli');
const work = mkdtempSync(join(tmpdir(), 'sso-lens-process-'));
const BIN = join(work, 'build/sso-lens.mjs');
const NOW = '2016-07-25T23:15:30Z';

function run(args: string[], options: { input?: string | Buffer; cwd?: string; env?: NodeJS.ProcessEnv; node?: string[] } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [...(options.node ?? []), BIN, ...args], {
    cwd: options.cwd ?? FIXTURES,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
}

const json = (r: SpawnSyncReturns<string>) => JSON.parse(r.stdout) as { messages: Array<{ kind: string; binding: string; id: string | null }>; flows: Array<{ kind: string }> };
const kinds = (r: SpawnSyncReturns<string>) => json(r).messages.map((m) => `${m.kind}/${m.binding}`);

beforeAll(() => {
  // The file support staff get: built by the project's bundler, run without node_modules next to it.
  execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '-c', 'vite.cli.config.ts', '--outDir', join(work, 'build')], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('sso-lens as a process: every input a ticket carries', () => {
  it.each([
    ['chrome.har', ['AuthnRequest/redirect', 'Response/post']],
    ['edge.har', ['AuthnRequest/redirect', 'Response/post']],
    ['firefox.har', ['AuthnRequest/redirect', 'Response/post']],
    ['safari.har', ['AuthnRequest/redirect', 'Response/post']],
    ['saml-tracer.json', ['AuthnRequest/redirect', 'Response/post']],
    ['okta-response.xml', ['Response/post']],
    ['okta-response-utf16le-bom.xml', ['Response/post']],
    ['okta-response-latin1.xml', ['Response/post']],
    ['okta-response.b64', ['Response/post']],
    ['okta-response-wrapped.b64', ['Response/post']],
    ['okta-response-urlencoded.txt', ['Response/post']],
    ['okta-response-form-body.txt', ['Response/post']],
    ['crewjam-authn-request-redirect-signed.query', ['AuthnRequest/redirect']],
    ['authn-request.url', ['AuthnRequest/redirect']],
    ['authn-request-deflated.b64', ['AuthnRequest/redirect']],
  ])('%s', (file, expected) => {
    const r = run(['analyze', '--json', '--now', NOW, file]);
    expect(r.stderr).toBe('');
    expect(kinds(r)).toEqual(expected);
    // The Okta fixture's audience ("123") is not the SP's entity ID: an error whenever the request is there too.
    // The Latin-1 copy had its NameID changed after signing: its signature no longer verifies, also an error.
    const edited = file === 'okta-response-latin1.xml';
    expect(r.status).toBe(expected.length === 2 || edited ? 1 : 0);
    if (edited) expect(JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule)).toContain('signature-invalid');
  });

  it('reads the declared encoding of XML (ISO-8859-1) and UTF-16 with a BOM as text, not bytes', () => {
    expect(run(['analyze', 'okta-response-latin1.xml']).stdout).toContain('NameID        Renée');
    expect(run(['analyze', 'okta-response-utf16le-bom.xml']).stdout).toContain('NameID        russellhaering');
  });

  it('streams a HAR saved as UTF-16 with a BOM (PowerShell Out-File) like a UTF-8 one', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(join(FIXTURES, 'firefox.har'), 'utf8'), 'utf16le')]);
    expect(kinds(run(['analyze', '--json', write('utf16.har', utf16)]))).toEqual(['AuthnRequest/redirect', 'Response/post']);
  });

  it('prints a raw Redirect message as Redirect, and a pasted message without a made-up URL', () => {
    const out = run(['analyze', 'authn-request-deflated.b64']).stdout;
    expect(out).toContain('AuthnRequest (Redirect binding, pasted message)');
    expect(out).not.toContain('about:blank');
  });

  it('reads standard input with -', () => {
    const r = run(['analyze', '--json', '-'], { input: readFileSync(join(FIXTURES, 'firefox.har')) });
    expect(kinds(r)).toEqual(['AuthnRequest/redirect', 'Response/post']);
    expect(r.status).toBe(1);
    const raw = run(['analyze', '--json', '-'], { input: readFileSync(join(FIXTURES, 'okta-response-wrapped.b64')) });
    expect(kinds(raw)).toEqual(['Response/post']);
  });

  it('analyzes several files together: a request in one, its response in another make one sign-in', () => {
    const r = run(['analyze', '--json', 'authn-request.url', 'okta-response.b64']);
    expect(json(r).flows.map((f) => f.kind)).toEqual(['sign-in']);
    expect(r.status).toBe(1);
  });

  it("resolves paths from the caller's directory", () => {
    const r = run(['analyze', '--json', 'cli/okta-response.b64'], { cwd: join(ROOT, 'tests/fixtures'), env: { INIT_CWD: ROOT } });
    expect(kinds(r)).toEqual(['Response/post']);
  });
});

describe('batch mode', () => {
  it('a folder: one line per file, totals, exit code the worst (2 for an unreadable file)', () => {
    const folder = join(work, 'ticket');
    mkdirSync(folder);
    for (const f of ['chrome.har', 'okta-response.b64']) copyFileSync(join(FIXTURES, f), join(folder, f));
    writeFileSync(join(folder, 'notes.txt'), 'The customer says sign-in fails since Monday.\n');
    writeFileSync(join(folder, '.hidden'), 'ignored');
    const r = run(['analyze', '--now', NOW, folder]);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/chrome\.har\s+FAIL\s+2 message\(s\), 1 flow\(s\): 1 error\(s\)/);
    expect(lines[1]).toMatch(/notes\.txt\s+UNREADABLE\s+.*notes\.txt: Not a HAR file/);
    expect(lines[2]).toMatch(/okta-response\.b64\s+OK\s+1 message\(s\)/);
    expect(lines[3]).toBe('Total: 3 file(s): 1 with errors, 0 with warnings only, 1 clean, 0 without SAML, 1 unreadable; 3 message(s), 1 error(s), 0 warning(s), 0 info.');
    expect(r.status).toBe(2);
    rmSync(join(folder, 'notes.txt'));
    expect(run(['analyze', '--now', NOW, folder]).status).toBe(1);
    const batch = JSON.parse(run(['analyze', '--json', '--now', NOW, folder]).stdout);
    expect(batch.files.map((f: { file: string; code: number }) => [f.file.split('/').pop(), f.code])).toEqual([['chrome.har', 1], ['okta-response.b64', 0]]);
  });

  it('a folder as Markdown and HTML: one row per file and the totals', () => {
    const folder = folderOf({ 'a.b64': readFileSync(join(FIXTURES, 'okta-response.b64'), 'utf8'), 'b.txt': 'not SAML at all.' });
    const md = run(['analyze', '--format', 'markdown', '--now', NOW, folder]);
    expect(md.stdout).toMatch(/^# SSO Lens batch report\n/);
    expect(md.stdout).toMatch(/\| `[^`]*a\.b64` \| OK \| 1 message\(s\)/);
    expect(md.stdout).toMatch(/\| `[^`]*b\.txt` \| UNREADABLE \|/);
    expect(md.stdout).toContain('**Total:** 2 file(s)');
    expect(md.status).toBe(2);
    const html = run(['analyze', '--format', 'html', folder]).stdout;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<tr><td>/g)).toHaveLength(2);
  });

  it('--batch reports named files one by one', () => {
    const r = run(['analyze', '--batch', '--now', NOW, 'okta-response.b64', 'authn-request.url']);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
    expect(r.status).toBe(0);
  });
});

describe('report formats', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'docs/cli-report.schema.json'), 'utf8')));

  it('--json output validates against docs/cli-report.schema.json (one report and batch, a trace, OpenID Connect)', async () => {
    const traced = join(work, 'traced.har');
    writeFileSync(traced, har(tracedSignIn()));
    const oidc = join(work, 'oidc.har');
    writeFileSync(oidc, har(await oidcSignIn({ tokenCall: { error: { error: 'invalid_grant', description: 'AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.', codes: [70008] } } })));
    const unread = join(work, 'oidc-token-body-not-captured.har');
    writeFileSync(unread, har(await oidcSignIn({ tokenCall: { answer: { status: 400 } } })));
    const keys = join(work, 'schema-keys.json');
    writeFileSync(keys, JSON.stringify(await signingJwks()));
    const withKeys = join(work, 'spa-with-keys.har');
    writeFileSync(withKeys, har(await oidcSignIn({ tokenCall: true })));
    for (const args of [['chrome.har'], ['saml-tracer.json', 'okta-response.b64'], ['--batch', 'safari.har', 'authn-request.url'], [traced], [oidc], [unread], ['--jwks', keys, withKeys], ['--batch', traced, oidc]]) {
      const out = JSON.parse(run(['analyze', '--json', ...args]).stdout);
      expect(validate(out), `${args.join(' ')}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
    // What the new parts hold, so that the schema is not passed by an absent field.
    const trace = JSON.parse(run(['analyze', '--json', traced]).stdout).flows[0].trace;
    expect(trace.map((s: { status: number }) => s.status)).toEqual([302, 302, 200, 302, 200]);
    expect(trace[2].errorPage).toMatchObject({ idp: 'Microsoft Entra ID', code: 'AADSTS50105' });
    expect(JSON.parse(run(['analyze', '--json', oidc]).stdout).messages.map((m: { protocol: string }) => m.protocol)).toContain('oidc');
    // The validator really checks: a wrong type is refused.
    const out = JSON.parse(run(['analyze', '--json', 'chrome.har']).stdout);
    out.messages[0].binding = 'carrier-pigeon';
    expect(validate(out)).toBe(false);
    const withTrace = JSON.parse(run(['analyze', '--json', traced]).stdout);
    withTrace.flows[0].trace[0].status = '302';
    expect(validate(withTrace)).toBe(false);
  });

  it('text: no colour when piped or with NO_COLOR', () => {
    expect(run(['analyze', 'chrome.har']).stdout).not.toContain('\x1b[');
    expect(run(['analyze', 'chrome.har'], { env: { NO_COLOR: '1' } }).stdout).not.toContain('\x1b[');
  });

  it('--format markdown: verdict, profile, flows, findings with evidence and the Okta fix; values redacted unless --no-redact', () => {
    const md = run(['analyze', '--format', 'markdown', '--now', NOW, 'chrome.har']).stdout;
    expect(md).toMatch(/^# SSO Lens report\n\n\*\*Verdict: FAIL\*\*/);
    expect(md).toContain('Profile used: Generic SAML SP');
    expect(md).toContain('## Sign-in flow-1');
    expect(md).toContain('#### Error: ');
    expect(md).toContain('(`audience-mismatch`)');
    expect(md).toContain('- Evidence expected: `http://localhost:8080/metadata`');
    expect(md).toContain('**Fix (Okta):** In Okta Admin Console');
    expect(md).not.toContain('russellhaering');
    expect(md).toMatch(/NameID: `value-\d+`/);
    expect(run(['analyze', '--format', 'markdown', '--no-redact', 'chrome.har']).stdout).toContain('NameID: `russellhaering`');
  });

  it('--format html: one offline file, no script, printable', () => {
    const html = run(['analyze', '--format', 'html', 'chrome.har']).stdout;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|src=|href=/i);
    expect(html).not.toContain('russellhaering');
  });

  it('hostile captured values render as text in HTML and Markdown', () => {
    const hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>`|[x](javascript:alert(3))';
    const xml = buildResponse({ issuer: `https://idp.example/${hostile}`, attributes: { email: [hostile], login: [hostile] } });
    const file = join(work, 'hostile.har');
    writeFileSync(file, har([postEntry(`${SONAR_ACS}?q=${encodeURIComponent(hostile)}`, 'SAMLResponse', b64(xml), { relayState: hostile })]));
    for (const redact of [[], ['--no-redact']]) {
      const html = run(['analyze', '--format', 'html', ...redact, file]).stdout;
      expect(html).not.toMatch(/<script|<img|onerror=alert\(2\)>|href=/i);
      expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
      // In Markdown, code spans show their content as is: outside them, nothing may be markup.
      const md = run(['analyze', '--format', 'markdown', ...redact, file]).stdout;
      const outsideCode = md.replace(/(?<!\\)(`+)[\s\S]*?\1/g, '');
      expect(outsideCode).not.toMatch(/(?<!\\)<script|(?<!\\)<img|(?<!\\)\]\(javascript:/i);
      if (redact.length) expect(outsideCode).toContain('\\<script\\>');
    }
  });
});

describe('ID token signatures with --jwks', () => {
  it("checks a single-page app's ID token against the provider's keys: valid, another tenant's keys, a discovery document", async () => {
    const capture = join(work, 'spa.har');
    writeFileSync(capture, har(await oidcSignIn({ tokenCall: true })));
    const keys = join(work, 'keys.json');
    writeFileSync(keys, JSON.stringify(await signingJwks()));
    const valid = run(['analyze', '--jwks', keys, capture]);
    expect(valid.status).toBe(0);
    expect(valid.stdout).toMatch(/signature {5}valid \(RS256, kid test-key-1\)/);
    const json = JSON.parse(run(['analyze', '--json', '--jwks', keys, capture]).stdout);
    expect(json.messages.find((m: { kind: string }) => m.kind === 'TokenResponse').idTokenSignature).toMatchObject({ outcome: 'valid', kid: 'test-key-1' });

    const { publicKey } = await generateKeyPair('RS256');
    const other = join(work, 'other-tenant-keys.json');
    writeFileSync(other, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'other-key', use: 'sig' }] }));
    const refused = run(['analyze', '--jwks', other, capture]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('No key of the given JWKS can check the ID token');
    expect(refused.stdout).toContain('[oidc-id-token-signature]');

    const discovery = join(work, 'openid-configuration.json');
    writeFileSync(discovery, JSON.stringify({ issuer: 'https://idp.example.com', jwks_uri: 'https://idp.example.com/keys' }));
    const wrong = run(['analyze', '--jwks', discovery, capture]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain(`Cannot use --jwks ${discovery}: that is a discovery document; give the JWKS at its jwks_uri (https://idp.example.com/keys)`);
  });
});

describe('help and errors', () => {
  it('sso-lens --help and analyze --help list every option with an example', () => {
    const main = run(['--help']);
    expect(main.status).toBe(0);
    expect(main.stdout).toContain('sso-lens analyze customer.har');
    const help = run(['analyze', '--help']).stdout;
    for (const o of OPTIONS.filter((x) => x.commands.includes('analyze'))) expect(help).toContain(`--${o.name}`);
    expect(help).toMatch(/examples:\n {2}sso-lens analyze/);
    expect(run(['redact', '--help']).stdout).toContain('usage: sso-lens redact');
  });

  const cases: Array<[string, () => string[], RegExp]> = [
    ['a missing file', () => ['analyze', 'missing.har'], /^sso-lens: Cannot read missing\.har: no such file in .*tests\/fixtures\/cli\.$/],
    ['an unknown option', () => ['analyze', '--bogus', 'chrome.har'], /^sso-lens: Unknown option '--bogus'\./],
    ['no input', () => ['analyze'], /^sso-lens: No input given/],
    ['an unknown command', () => ['customer.har'], /^sso-lens: Unknown command "customer\.har".*sso-lens analyze customer\.har/],
    ['a 0-byte file', () => ['analyze', write('empty.har', '')], /^sso-lens: .*empty\.har is empty \(0 bytes\)\.$/],
    ['a binary file', () => ['analyze', write('photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 3]))], /photo\.jpg: This is a binary file, not a HAR file/],
    ['JSON that is not a capture', () => ['analyze', write('package.json', '{"name":"x"}')], /package\.json: The JSON is neither a HAR file/],
    ['a HAR cut short', () => ['analyze', write('cut.har', readFileSync(join(FIXTURES, 'chrome.har'), 'utf8').slice(0, 3000))], /cut\.har: The file is not valid JSON: it ends in the middle of a value \(was it cut short\?\)/],
    ['a bad --now', () => ['analyze', '--now', 'yesterday', 'chrome.har'], /--now "yesterday" is not an ISO 8601 date-time/],
    ['a folder of non-HAR files (exit 2)', () => ['analyze', folderOf({ 'a.txt': 'hello', 'b.csv': 'x,y\n1,2\n' })], /UNREADABLE/],
  ];
  it.each(cases)('%s exits 2 with a sentence', (_name, args, message) => {
    const r = run(args());
    expect(r.status).toBe(2);
    const output = r.stderr || r.stdout;
    expect(output.trim().split('\n')[0]).toMatch(message);
    if (r.stderr) expect(r.stdout).toBe('');
  });

  it('refuses a file larger than it can take before reading it, with the limit', () => {
    const big = join(work, 'huge.har');
    writeFileSync(big, '');
    execFileSync('truncate', ['-s', '17G', big]); // sparse: no disk used
    const r = run(['analyze', big]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/huge\.har is 17\.0 GB, over the 16\.0 GB that sso-lens reads\./);
    rmSync(big);
    const raw = join(work, 'big.xml');
    writeFileSync(raw, `<x>${'a'.repeat(65 * 1024 * 1024)}</x>`);
    const r2 = run(['analyze', raw]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/big\.xml is 65\.0 MB and not a HAR file or SAML-tracer export: SAML messages are read up to 64\.0 MB\./);
    rmSync(raw);
  });

  it('reads HAR entries with fields of the wrong type without crashing', () => {
    const doc = {
      log: {
        entries: [
          { request: { url: 42 } },
          { request: { url: 'https://sp.example/acs', method: 7, headers: 'x', postData: { params: 'SAMLResponse=abc', text: 5 } }, response: { status: '302', headers: { a: 1 } } },
          { request: { url: 'https://sp.example/acs', method: 'POST', headers: [], postData: { mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'SAMLResponse', value: 12 }, 'x'] } }, response: 'oops', startedDateTime: 5 },
          'not an entry',
        ],
      },
    };
    const r = run(['analyze', '--json', write('typed.har', JSON.stringify(doc))]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(json(r).messages.map((m) => m.kind)).toEqual(['Unknown']);
  });

  it('an unexpected exception exits 2 with one line and a hint; the stack only with --debug', () => {
    // Sorting a folder's files is plain code of ours that nothing else runs before it: break it.
    const breakSorting = ['--import', 'data:text/javascript,String.prototype.localeCompare=function(){throw new TypeError("sorting exploded")}'];
    const folder = folderOf({ 'a.b64': 'x', 'b.b64': 'y' });
    const r = run(['analyze', folder], { node: breakSorting });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['sso-lens: unexpected error (a bug in SSO Lens): sorting exploded. Please report it; run again with --debug for the details.']);
    const debug = run(['analyze', '--debug', folder], { node: breakSorting });
    expect(debug.status).toBe(2);
    expect(debug.stderr).toMatch(/TypeError: sorting exploded\n\s+at /);
  });
});

describe('sso-lens redact', () => {
  it('writes a redacted HAR that still analyzes', () => {
    const r = run(['redact', 'firefox.har']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('russellhaering');
    const out = join(work, 'redacted.har');
    expect(run(['redact', 'firefox.har', '-o', out]).stdout).toBe('');
    expect(kinds(run(['analyze', '--json', out]))).toEqual(['AuthnRequest/redirect', 'Response/post']);
  });
});

describe('npm run analyze', () => {
  it('is an alias with the same output, paths from where npm was run', () => {
    const viaNpm = spawnSync('npm', ['run', '--silent', 'analyze', '--', '--json', '--now', NOW, 'cli/chrome.har'], { cwd: join(ROOT, 'tests/fixtures'), encoding: 'utf8' });
    const direct = run(['analyze', '--json', '--now', NOW, 'cli/chrome.har'], { cwd: join(ROOT, 'tests/fixtures') });
    expect(viaNpm.status).toBe(1);
    expect(viaNpm.stdout).toBe(direct.stdout);
  }, 60_000);
});

function write(name: string, content: string | Buffer): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

function folderOf(files: Record<string, string>): string {
  const folder = mkdtempSync(join(work, 'folder-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  return folder;
}
