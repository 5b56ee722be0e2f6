import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { plainEntry } from '../../tests/support/har-builder';
import { CaptureStore } from './capture-store';
import { COUNT_WRITE_DELAY_MS, entryKey, INDEX_KEY, SessionMirror } from './session-mirror';

const entry = (n: number) => plainEntry(`https://idp.example.com/sso?SAMLRequest=${n}`);

describe('session mirror of the captures', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('writes one key per capture, removes dropped ones, and reads them back', async () => {
    const store = new CaptureStore(2);
    const mirror = new SessionMirror();
    for (let i = 1; i <= 3; i++) {
      const { added, dropped } = store.add(5, entry(i));
      void mirror.save({ added, removed: dropped }, store.index());
    }
    await mirror.flush();
    const all = await fakeBrowser.storage.session.get(null);
    expect(Object.keys(all).sort()).toEqual([INDEX_KEY, entryKey(2), entryKey(3)].sort());
    const restored = await new SessionMirror().load();
    expect(restored?.captures.map((c) => c.entry.request.url)).toEqual([entry(2).request.url, entry(3).request.url]);
  });

  it('keeps a capture over the session quota out of the index, so a restart does not look for it', async () => {
    const store = new CaptureStore();
    const mirror = new SessionMirror();
    const set = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation(async (items) => {
      if (entryKey(2) in items) throw new Error('Session storage quota bytes exceeded.');
      return set(items);
    });
    for (let i = 1; i <= 2; i++) await mirror.save({ added: store.add(5, entry(i)).added }, store.index());
    expect(mirror.lastError).toMatch(/quota/);
    expect((await mirror.load())?.index.seqs).toEqual([1]);
    expect(store.size).toBe(2); // memory still has both
  });

  it('writes request counts once per burst, not once per request', async () => {
    vi.useFakeTimers();
    const store = new CaptureStore();
    const mirror = new SessionMirror();
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    for (let i = 0; i < 100; i++) {
      store.countOther(5);
      mirror.saveIndexSoon(() => store.index());
    }
    expect(set).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(COUNT_WRITE_DELAY_MS);
    await mirror.flush();
    expect(set).toHaveBeenCalledTimes(1);
    expect((await mirror.load())?.index.otherRequests).toEqual([[5, 100]]);
  });

  it('reads nothing from an empty or foreign session', async () => {
    expect(await new SessionMirror().load()).toBeUndefined();
    await fakeBrowser.storage.session.set({ [INDEX_KEY]: { seqs: 'nope' } });
    expect(await new SessionMirror().load()).toBeUndefined();
  });
});
