import { readFileSync } from 'node:fs';
import { seeded } from '../../bench/inputs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { oidcSignIn } from '../../tests/support/oidc-builder';
import { fixturePost, signInEntries } from '../../tests/support/protocol-builder';
import { idpMetadata } from '../../tests/support/metadata-builder';
import { buildResponse, ENTRA_ISSUER, SONAR_ACS } from '../../tests/support/response-builder';
import { makeKeys, signXml } from '../../tests/support/xml-signing';
import { b64, postEntry } from '../../tests/support/har-builder';
import { analyze, type AnalyzeOptions } from '../analyze';
import { analyzeWithTrust } from '../analyze-with-trust';
import type { Exchange, HarEntry } from '../har/types';
import { asFresh } from '../../tests/support/panel-keys';
import { IncrementalAnalysis } from './incremental-analysis';

// The incremental engine must give what a fresh analyze() of the kept exchanges gives, whatever arrives and
// whatever the cap drops: random captures of real and built sign-ins (SAML and OIDC, repeated IDs, loops, hops,
// error statuses), compared after every step.

type Piece = HarEntry[];

// mulberry32 (bench/inputs.ts): the same captures on every run.
const seededRandom = seeded;

const shifted = (piece: Piece, ms: number): Piece =>
  piece.map((e) => {
    const copy = structuredClone(e);
    const t = Date.parse(copy.startedDateTime);
    if (!Number.isNaN(t)) copy.startedDateTime = new Date(t + ms).toISOString();
    return copy;
  });

const redirectHop = (from: string, to: string): HarEntry => ({
  startedDateTime: '2024-01-01T09:59:58.000Z',
  request: { method: 'GET', url: from, headers: [] },
  response: { status: 302, headers: [{ name: 'Location', value: to }] },
});

const errorPage = (): HarEntry => ({
  startedDateTime: '2024-01-01T10:00:01.000Z',
  request: { method: 'GET', url: 'https://login.microsoftonline.com/tenant/saml2', headers: [] },
  response: { status: 200, headers: [], content: { size: 80, mimeType: 'text/html', text: '<html><body>AADSTS50105: The signed in user is not assigned to a role.</body></html>' } },
});

let pieces: Piece[] = [];

beforeAll(async () => {
  const signIn = signInEntries();
  const cliHar = JSON.parse(readFileSync(join(process.cwd(), 'tests/fixtures/cli/chrome.har'), 'utf8')) as { log: { entries: HarEntry[] } };
  pieces = [
    signIn,
    [redirectHop('https://sp.example.com/login', signIn[0]!.request.url), ...signIn],
    [signIn[0]!],
    [signIn[1]!],
    signInEntries({ acsStatus: 500 }),
    signInEntries({ request: { id: '_other' }, response: { inResponseTo: '_other' } }),
    signInEntries({ response: { inResponseTo: '_nobody' } }),
    signInEntries({ request: false, response: { inResponseTo: null } }),
    signInEntries({ postTo: 'http://sp.example.com/acs' }),
    [signIn[0]!, errorPage()],
    fixturePost('entra/saml2aws-aad-response.xml').entries,
    fixturePost('adfs/netsaml2-adfs-plain-groups.xml').entries,
    fixturePost('invalid/rubysaml-no_signature.b64').entries,
    fixturePost('invalid/python3saml-logout-response-responder-deflated.b64').entries,
    cliHar.log.entries.slice(0, 6),
    await oidcSignIn(),
    await oidcSignIn({ tokenCall: true }),
    await oidcSignIn({ state: null, pkce: null }),
    await oidcSignIn({ error: { error: 'access_denied', description: 'AADSTS50105: not assigned' } }),
    [{ startedDateTime: '2024-01-01T10:00:00.000Z', request: { method: 'GET', url: 'https://app.example.com/', headers: [] }, response: { status: 200, headers: [] } }],
    // Redirects after an ACS answer: the landing chain grows as they arrive.
    [redirectHop('https://sp.example.com/after', 'https://app.example.com/')],
    [redirectHop('https://sp.example.com/after', 'https://app.example.com/'), redirectHop('https://app.example.com/', 'https://app.example.com/home')],
  ];
});

interface Step {
  exchanges: Exchange[];
  first: number;
  options: AnalyzeOptions;
}

/** A random capture: batches arrive, the cap drops the oldest, sometimes the tail is replaced, the list cleared or the options changed. */
function* capture(seed: number): Generator<Step> {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const cap = 3 + Math.floor(rand() * 22);
  let kept: Exchange[] = [];
  let first = 0;
  let options: AnalyzeOptions = { strict: true };
  for (let step = 0; step < 14; step++) {
    const roll = rand();
    if (roll < 0.05) {
      kept = [];
      first = 0;
    } else if (roll < 0.12 && kept.length) {
      kept = kept.slice(0, kept.length - 1 - Math.floor(rand() * Math.min(3, kept.length)));
    } else if (roll < 0.18) {
      options = pick<AnalyzeOptions>([{ strict: true }, { strict: true, profile: 'generic' }, { strict: true, now: '2024-01-01T10:00:30Z' }, { strict: true, profile: 'sonarqube-cloud' }]);
    }
    const batches = 1 + Math.floor(rand() * 3);
    for (let b = 0; b < batches; b++) {
      // Close in time, so that loops and pairing windows are crossed; whole minutes apart now and then.
      const ms = Math.floor(rand() * 8) * 5000 + (rand() < 0.3 ? Math.floor(rand() * 30) * 60_000 : 0);
      for (const entry of shifted(pick(pieces), ms)) kept.push({ entry, source: 'panel' });
    }
    const drop = Math.max(0, kept.length - cap);
    first += drop;
    kept = kept.slice(drop);
    yield { exchanges: kept, first, options };
  }
}

describe('IncrementalAnalysis', () => {
  it('gives what a fresh analyze() of the kept exchanges gives, for 40 random captures with drops at small caps', () => {
    let flowsSeen = 0;
    let crossSeen = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const engine = new IncrementalAnalysis();
      let n = 0;
      for (const { exchanges, first, options } of capture(seed)) {
        const fresh = analyze(exchanges, options);
        // Now and then a look at the messages of another list in between (the panel's trust step does so).
        if (n % 3 === 1) engine.messagesOf(exchanges.slice(1), first + 1);
        const incremental = engine.analyze(exchanges, first, options);
        flowsSeen += fresh.flows.length;
        crossSeen += fresh.findings.filter((f) => f.rule === 'sign-in-loop').length;
        expect(asFresh(incremental, first), `seed ${seed}, step ${n++}`).toEqual(asFresh(fresh, 0));
      }
    }
    // The captures did exercise flows, OIDC and the cross-flow rule.
    expect(flowsSeen).toBeGreaterThan(800);
    expect(crossSeen).toBeGreaterThan(0);
  }, 120_000);

  it('pairs and judges again only around a change once the capture is long', () => {
    const engine = new IncrementalAnalysis();
    const one = signInEntries();
    let kept: Exchange[] = [];
    for (let i = 0; i < 400; i++) for (const entry of shifted(one, i * 60_000)) kept.push({ entry, source: 'panel' });
    let first = 0;
    engine.analyze(kept, first);
    expect(engine.stats.judged).toBe(400);
    for (let i = 400; i < 410; i++) {
      kept = [...kept.slice(2), ...shifted(one, i * 60_000).map((entry): Exchange => ({ entry, source: 'panel' }))];
      first += 2;
      const analysis = engine.analyze(kept, first);
      expect(analysis.flows).toHaveLength(400);
      // The new sign-in and the one that lost its request.
      expect(engine.stats.paired).toBeLessThanOrEqual(3);
      expect(engine.stats.judged).toBeLessThanOrEqual(3);
    }
    expect(asFresh(engine.analyze(kept, first), first)).toEqual(asFresh(analyze(kept), 0));
  });

  it('keeps the keys of what it kept when the oldest exchanges are dropped', () => {
    const engine = new IncrementalAnalysis();
    const entries = [...signInEntries(), ...shifted(signInEntries(), 60_000)];
    const exchanges = entries.map((entry): Exchange => ({ entry, source: 'panel' }));
    const before = engine.analyze(exchanges, 0);
    const after = engine.analyze(exchanges.slice(2), 2);
    expect(before.messages.map((m) => m.key)).toEqual(['0:SAMLRequest', '1:SAMLResponse', '2:SAMLRequest', '3:SAMLResponse']);
    expect(after.messages.map((m) => m.key)).toEqual(['2:SAMLRequest', '3:SAMLResponse']);
    // The flow that stayed is the same object: the list does not redraw it. Judged again, it is a new one.
    expect(after.flows[0]).toBe(before.flows[1]);
    const chosen = engine.analyze(exchanges.slice(2), 2, { profile: 'generic' });
    expect(chosen.flows[0]).not.toBe(after.flows[0]);
    expect(chosen.flows[0]!.profile).toBe('generic');
  });

  it('enriches only what it has not enriched with the same trust material, and starts again with other material', async () => {
    const idp = makeKeys('rsa:2048', { cn: 'incremental-idp' });
    const rotated = makeKeys('rsa:2048', { cn: 'incremental-rotated' });
    const signed = (keys: typeof idp, n: number) =>
      postEntry(SONAR_ACS, 'SAMLResponse', b64(signXml(buildResponse({ issuer: ENTRA_ISSUER }), { keys, target: 'assertion' })), { time: `2024-01-01T00:0${n}:00.000Z` });
    const exchanges = [signed(idp, 1), signed(rotated, 2), signed(idp, 3), signed(rotated, 4)].map((entry): Exchange => ({ entry, source: 'panel' }));
    const trust = { metadata: [idpMetadata(ENTRA_ISSUER, [idp.certPem])] };
    const other = { metadata: [idpMetadata(ENTRA_ISSUER, [rotated.certPem])] };
    const engine = new IncrementalAnalysis();
    const rules = (a: { findings: Array<{ rule: string; messageKey?: string }> }, first: number) => a.findings.map((f) => `${f.rule}@${Number(f.messageKey!.split(':')[0]) - first}`).sort();
    for (const [kept, first, material] of [
      [exchanges.slice(0, 2), 0, trust],
      [exchanges.slice(1, 3), 1, trust],
      [exchanges.slice(2, 4), 2, trust],
      [exchanges.slice(2, 4), 2, other],
      [exchanges.slice(2, 4), 2, undefined],
    ] as const) {
      const options: AnalyzeOptions = material ? { strict: true, trust: material } : { strict: true };
      const incremental = await engine.analyzeWithTrust(kept, first, options);
      const fresh = await analyzeWithTrust(structuredClone(kept), options);
      expect(rules(incremental, first)).toEqual(rules(fresh, 0));
      expect(asFresh(incremental, first)).toEqual(asFresh(fresh, 0));
    }
    // The rotated key is unknown to the first metadata and known to the second: the verdicts did change.
    expect(rules(await analyzeWithTrust(exchanges.slice(2, 4), { trust }), 0)).not.toEqual(rules(await analyzeWithTrust(exchanges.slice(2, 4), { trust: other }), 0));
  }, 30_000);
});
