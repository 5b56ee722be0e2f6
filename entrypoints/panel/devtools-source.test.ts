import { describe, expect, it, vi } from 'vitest';
import { analyze } from '@/utils/analyze';
import type { Exchange, HarEntry } from '@/utils/har/types';
import { oidcSignIn } from '@/tests/support/oidc-builder';
import { devtoolsSource, mergeLogReads, type DevtoolsNetwork } from './devtools-source';

const entry = (url: string, t = '2024-01-01T00:00:00.000Z'): HarEntry => ({ startedDateTime: t, request: { method: 'GET', url, headers: [] }, response: { status: 200, headers: [] } });

function fakeNetwork(backlog: HarEntry[]) {
  const listeners = new Set<(r: unknown) => void>();
  let release!: () => void;
  const ready = new Promise<void>((r) => (release = r));
  const network: DevtoolsNetwork = {
    getHAR: async () => {
      await ready;
      return { entries: backlog };
    },
    onRequestFinished: { addListener: (cb) => listeners.add(cb), removeListener: (cb) => listeners.delete(cb) },
  };
  return { network, finish: (e: HarEntry) => listeners.forEach((l) => l(e)), release, listeners };
}

describe('devtools capture source', () => {
  it('delivers the log from before the panel opened, then live entries, without duplicates', async () => {
    const before = [entry('https://a.example/?SAMLRequest=x')];
    const { network, finish, release, listeners } = fakeNetwork(before);
    const added: Array<[string[], boolean]> = [];
    const stop = devtoolsSource(network).connect({ add: (xs: Exchange[], live) => added.push([xs.map((x) => x.entry.request.url), live]), status: vi.fn() });
    release();
    await vi.waitFor(() => expect(listeners.size).toBe(1));
    // Finished while the log was being read again: once in the log, once live; and one that only came live.
    finish(before[0]!);
    finish(entry('https://b.example/'));
    await vi.waitFor(() => expect(added).toHaveLength(2));
    expect(added).toEqual([
      [['https://a.example/?SAMLRequest=x'], false],
      [['https://b.example/'], true],
    ]);
    finish(entry('https://c.example/'));
    expect(added[2]).toEqual([['https://c.example/'], true]);
    // Firefox may still fire for a request its log gave as answered, after the log was delivered.
    finish(before[0]!);
    expect(added).toHaveLength(3);
    stop();
    expect(listeners.size).toBe(0);
  });

  it("reads Chrome's callback-only getHAR too", async () => {
    const network: DevtoolsNetwork = {
      getHAR: (callback) => {
        if (callback) setTimeout(() => callback({ entries: [entry('https://idp.example/?SAMLRequest=1')] }), 0);
      },
      onRequestFinished: { addListener: () => {}, removeListener: () => {} },
    };
    const add = vi.fn();
    devtoolsSource(network).connect({ add, status: vi.fn() });
    await vi.waitFor(() => expect(add).toHaveBeenCalledWith([expect.objectContaining({ source: 'panel' })], false));
  });

  it('reports when DevTools gives no log, and still captures live', async () => {
    const listeners = new Set<(r: unknown) => void>();
    const network: DevtoolsNetwork = {
      getHAR: async () => {
        throw new Error('no inspected page');
      },
      onRequestFinished: { addListener: (cb) => listeners.add(cb), removeListener: (cb) => listeners.delete(cb) },
    };
    const status = vi.fn();
    const add = vi.fn();
    devtoolsSource(network).connect({ add, status });
    await vi.waitFor(() => expect(status).toHaveBeenCalled());
    expect(status.mock.calls[0]![0].error).toMatch(/no inspected page/);
    listeners.forEach((l) => l(entry('https://d.example/')));
    expect(add).toHaveBeenLastCalledWith([expect.objectContaining({ source: 'panel' })], true);
  });
});

// DevTools gives entries without response bodies; Entra ID's answer to a refused token call, as it writes it.
const ENTRA_70008 = JSON.stringify({
  error: 'invalid_grant',
  error_description: 'AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.\r\nTrace ID: 0000aaaa-11bb-cccc-dd22-eeeeee333333\r\nCorrelation ID: aaaa0000-bb11-2222-33cc-444444dddddd',
  error_codes: [70008],
  correlation_id: 'aaaa0000-bb11-2222-33cc-444444dddddd',
});

/** A sign-in whose token call Entra ID refused, as DevTools hands it over: no body, a getContent per entry. */
async function devtoolsEntries(getContent: (body: string) => (this: HarEntry, cb?: (c: unknown, e: unknown) => void) => unknown) {
  const entries = await oidcSignIn({ tokenCall: { answer: { status: 400 } } });
  const calls: string[] = [];
  for (const e of entries) {
    e.response.content = { size: 120, mimeType: e.request.method === 'POST' ? 'application/json; charset=utf-8' : 'text/html' };
    const read = getContent(e.request.method === 'POST' ? ENTRA_70008 : '<p>page</p>');
    Object.defineProperty(e, 'getContent', { enumerable: false, value: function (this: HarEntry, cb?: (c: unknown, e: unknown) => void) { calls.push(this.request.url); return read.call(this, cb); } });
  }
  return { entries, calls };
}

describe('devtools capture source: response bodies', () => {
  const chrome = (body: string) => (cb?: (c: unknown, e: unknown) => void) => void setTimeout(() => cb?.(body, ''), 5);
  const firefox = (body: string) => () => new Promise((r) => setTimeout(() => r([body, 'application/json']), 5));

  it.each([
    ['Chrome (callback)', chrome],
    ['Firefox (promise of [content, mimeType])', firefox],
  ])("reads the token endpoint's refusal so the finding names it, in capture order: %s", async (_name, style) => {
    const { entries, calls } = await devtoolsEntries(style);
    const [authorize, callback, token] = entries;
    const { network, finish, release } = fakeNetwork([authorize!]);
    const added: Exchange[] = [];
    devtoolsSource(network).connect({ add: (xs: Exchange[]) => added.push(...xs), status: vi.fn() });
    release();
    await vi.waitFor(() => expect(added).toHaveLength(1));
    finish(token!);
    // Needs no body, but arrives after one being read: it waits its turn.
    finish(callback!);
    await vi.waitFor(() => expect(added).toHaveLength(3));
    expect(added.map((x) => x.entry.request.method)).toEqual(['GET', 'POST', 'GET']);
    // Only the token call's body is asked for: the authorization request and the callback answered redirects.
    expect(calls).toEqual([token!.request.url]);
    expect(added[1]!.entry.response.content?.text).toBe(ENTRA_70008);
    const ordered = [added[0]!.entry, added[2]!.entry, added[1]!.entry];
    const f = analyze(ordered).findings.find((x) => x.rule === 'oidc-idp-error');
    expect(f!.message).toMatch(/^the token endpoint refused the sign-in with AADSTS70008/);
  });

  it('delivers the entry without its body when DevTools cannot give it, and the finding says the body is missing', async () => {
    const { entries } = await devtoolsEntries(() => () => {
      throw new Error('no content');
    });
    const { network, release } = fakeNetwork(entries);
    const added: Exchange[] = [];
    devtoolsSource(network).connect({ add: (xs: Exchange[]) => added.push(...xs), status: vi.fn() });
    release();
    await vi.waitFor(() => expect(added).toHaveLength(3));
    expect(added[2]!.entry.response.content?.text).toBeUndefined();
    const f = analyze(added.map((x) => x.entry)).findings.find((x) => x.rule === 'oidc-idp-error');
    expect(f!.message).toContain('was not captured');
  });
});

/**
 * devtools.network as Firefox ESR's network monitor behaves for add-ons (read in its devtools/client/netmonitor
 * sources and seen in a real Firefox): the monitor starts with the first call; a getHAR() while an addListener()
 * is still starting it answers from an empty log; the requests that had ended before it started reach its log in
 * a batch after the first getHAR() answered, and never fire onRequestFinished.
 */
function firefoxNetwork(endedBefore: HarEntry[]) {
  const listeners = new Set<(r: unknown) => void>();
  const log: HarEntry[] = [];
  let monitor: Promise<void> | undefined;
  let connected = false;
  const start = () =>
    (monitor ??= new Promise<void>((resolve) =>
      setTimeout(() => {
        connected = true;
        // Filed in the next batch (Firefox: 50 ms), after the getHAR() that waited for the start answered.
        setTimeout(() => log.unshift(...endedBefore), 50);
        resolve();
      }, 20),
    ));
  const network: DevtoolsNetwork = {
    getHAR: async () => {
      if (!monitor) await start();
      else if (!connected) return { entries: [] };
      return { entries: [...log] };
    },
    onRequestFinished: {
      addListener: (cb) => {
        void start();
        listeners.add(cb);
      },
      removeListener: (cb) => listeners.delete(cb),
    },
  };
  /** A request that ends now: in the log, and to the listeners once the monitor runs. */
  const finish = (e: HarEntry) => {
    if (!connected) return;
    log.push(e);
    listeners.forEach((l) => l(e));
  };
  return { network, finish, listeners };
}

describe('devtools capture source in Firefox', () => {
  it("keeps the authorization request sent before the panel opened, so the refused token call is judged with its sign-in", async () => {
    // The authorization request ended before the panel opened; the callback and the token call after.
    const [authorize, callback, token] = await oidcSignIn({ tokenCall: { answer: { status: 400 } } });
    const { network, finish, listeners } = firefoxNetwork([authorize!]);
    const added: Exchange[] = [];
    devtoolsSource(network).connect({ add: (xs: Exchange[]) => added.push(...xs), status: vi.fn() });
    await vi.waitFor(() => expect(listeners.size).toBe(1));
    finish(callback!);
    finish(token!);
    await vi.waitFor(() => expect(added).toHaveLength(3), { timeout: 2_000 });
    expect(added.map((x) => x.entry.request.url)).toEqual([authorize!.request.url, callback!.request.url, token!.request.url]);
    const analysis = analyze(added.map((x) => x.entry));
    const signIns = analysis.flows.filter((f) => f.kind === 'sign-in');
    expect(signIns).toHaveLength(1);
    expect(analysis.findings.find((f) => f.rule === 'oidc-idp-error')?.flowId).toBe(signIns[0]!.id);
  });

  it('keeps what the log had before the page navigated, then the last read in its order', () => {
    const [a, b, c, d] = ['https://a.example/', 'https://b.example/', 'https://c.example/', 'https://d.example/'].map((u, i) => entry(u, `2024-01-01T00:00:0${i}.000Z`));
    // The second read: the page navigated (a gone), b and c filed late before d.
    expect(mergeLogReads([[a!, d!], [b!, c!, d!]]).map((e) => e.request.url)).toEqual([a, b, c, d].map((e) => e!.request.url));
    expect(mergeLogReads([])).toEqual([]);
  });
});
