import { describe, expect, it, vi } from 'vitest';
import type { Exchange, HarEntry } from '@/utils/har/types';
import { devtoolsSource, type DevtoolsNetwork } from './devtools-source';

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
    // Finished while getHAR() was pending: once in the HAR, once live; and one that only came live.
    finish(before[0]!);
    finish(entry('https://b.example/'));
    release();
    await vi.waitFor(() => expect(added).toHaveLength(2));
    expect(added).toEqual([
      [['https://a.example/?SAMLRequest=x'], false],
      [['https://b.example/'], true],
    ]);
    finish(entry('https://c.example/'));
    expect(added[2]).toEqual([['https://c.example/'], true]);
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
