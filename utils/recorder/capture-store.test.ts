import { describe, expect, it } from 'vitest';
import { plainEntry } from '../../tests/support/har-builder';
import { CaptureStore, toCaptureIndex, toStoredCapture } from './capture-store';
import { entryBytes } from '../capture/sign-in-window';
import { MAX_RECORDED_EXCHANGES } from './protocol';

const entry = (n: number) => plainEntry(`https://idp.example.com/sso?SAMLRequest=${n}`);

describe('capture store', () => {
  it(`keeps the last ${MAX_RECORDED_EXCHANGES} exchanges: the next drops the oldest`, () => {
    const store = new CaptureStore();
    for (let i = 1; i <= MAX_RECORDED_EXCHANGES; i++) expect(store.add(1, entry(i)).dropped).toEqual([]);
    const { added, dropped } = store.add(1, entry(MAX_RECORDED_EXCHANGES + 1));
    expect(dropped.map((c) => c.entry.request.url)).toEqual([entry(1).request.url]);
    expect(store.size).toBe(MAX_RECORDED_EXCHANGES);
    const urls = store.capturesFor().map((c) => c.entry.request.url);
    expect(urls[0]).toBe(entry(2).request.url);
    expect(urls.at(-1)).toBe(entry(MAX_RECORDED_EXCHANGES + 1).request.url);
    expect(added.seq).toBe(MAX_RECORDED_EXCHANGES + 1);
  });

  it('stays within its byte limit by dropping the oldest, but always keeps the newest', () => {
    const sized = (n: number, chars: number) => plainEntry(`https://idp.example.com/sso?SAMLRequest=${n}${'x'.repeat(chars)}`);
    const store = new CaptureStore(100, undefined, 3 * entryBytes(sized(0, 1000)));
    for (let i = 1; i <= 3; i++) expect(store.add(1, sized(i, 1000)).dropped).toEqual([]);
    expect(store.add(1, sized(4, 1000)).dropped).toHaveLength(1);
    expect(store.size).toBe(3);
    // One too big for the limit on its own is kept, alone.
    const { dropped } = store.add(1, sized(5, 10_000));
    expect(dropped).toHaveLength(3);
    expect(store.capturesFor().map((c) => c.seq)).toEqual([5]);
    store.clear();
    expect(store.add(1, sized(6, 1000)).dropped).toEqual([]);
  });

  it('counts the other requests per tab without keeping them', () => {
    const store = new CaptureStore();
    store.countOther(1, 3);
    store.countOther(2);
    expect(store.otherRequestsFor(1)).toBe(3);
    expect(store.otherRequestsFor()).toBe(4);
    expect(store.size).toBe(0);
  });

  it('serves a tab its own captures and those of the tabs it opened, not its siblings', () => {
    const store = new CaptureStore();
    store.followers.follow(20, 10); // the sign-in page opened an IdP pop-up
    store.followers.follow(30, 20); // which opened another tab
    store.add(10, entry(1));
    store.add(30, entry(2));
    store.add(11, entry(3));
    store.countOther(30, 2);
    expect(store.capturesFor(10).map((c) => c.tabId)).toEqual([10, 30]);
    expect(store.capturesFor(20).map((c) => c.tabId)).toEqual([30]);
    expect(store.capturesFor(11).map((c) => c.tabId)).toEqual([11]);
    expect(store.otherRequestsFor(10)).toBe(2);
  });

  it('clears one tab group or everything', () => {
    const store = new CaptureStore();
    store.followers.follow(20, 10);
    store.add(10, entry(1));
    store.add(20, entry(2));
    store.add(11, entry(3));
    store.countOther(20);
    expect(store.clear(10).map((c) => c.tabId)).toEqual([10, 20]);
    expect(store.capturesFor().map((c) => c.tabId)).toEqual([11]);
    expect(store.otherRequestsFor(10)).toBe(0);
    expect(store.clear().map((c) => c.tabId)).toEqual([11]);
    expect(store.size).toBe(0);
  });

  it('comes back from its index and entries after a restart, skipping what is missing or malformed', () => {
    const before = new CaptureStore();
    before.followers.follow(20, 10);
    const a = before.add(10, entry(1)).added;
    const b = before.add(20, entry(2)).added;
    before.countOther(10, 5);
    const index = toCaptureIndex(JSON.parse(JSON.stringify(before.index())))!;
    const captures = [b, a, toStoredCapture({ seq: 9, tabId: 1 })].filter((c) => c !== undefined);
    const after = new CaptureStore(MAX_RECORDED_EXCHANGES, { index, captures });
    expect(after.capturesFor(10).map((c) => c.seq)).toEqual([a.seq, b.seq]);
    expect(after.otherRequestsFor(10)).toBe(5);
    expect(after.add(10, entry(3)).added.seq).toBe(b.seq + 1);
    expect(toCaptureIndex({ seqs: 'x' })).toBeUndefined();
    expect(toCaptureIndex(null)).toBeUndefined();
  });
});
