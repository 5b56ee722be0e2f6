import type { HarEntry } from '../har/types';
import { entryBytes } from '../capture/sign-in-window';
import { MAX_RECORDED_BYTES, MAX_RECORDED_EXCHANGES } from './protocol';
import { TabFollowers } from './tab-followers';

// The recorder's memory: the last SAML exchanges (oldest dropped first), a per-tab count of the other requests,
// and which tab opened which. Pure; the background mirrors it to storage.session (session-mirror.ts).

export interface StoredCapture {
  /** Increasing number, the capture's identity in storage. */
  seq: number;
  tabId: number;
  entry: HarEntry;
}

/** Everything but the entries themselves, small enough to rewrite on each change. */
export interface CaptureIndex {
  seqs: number[];
  nextSeq: number;
  /** [tabId, count] pairs. */
  otherRequests: Array<[number, number]>;
  /** [tabId, openerTabId] pairs. */
  openers: Array<[number, number]>;
}

export class CaptureStore {
  private captures: StoredCapture[] = [];
  private nextSeq = 1;
  /** entryBytes of the captures kept, kept up to date so that adding one costs no walk over all of them. */
  private bytes = 0;
  private readonly others = new Map<number, number>();
  readonly followers: TabFollowers;

  constructor(
    readonly limit = MAX_RECORDED_EXCHANGES,
    restored?: { index: CaptureIndex; captures: StoredCapture[] },
    readonly byteLimit = MAX_RECORDED_BYTES,
  ) {
    this.followers = new TabFollowers(restored?.index.openers ?? []);
    if (!restored) return;
    const wanted = new Set(restored.index.seqs);
    this.captures = restored.captures.filter((c) => wanted.has(c.seq)).sort((a, b) => a.seq - b.seq).slice(-limit);
    this.bytes = this.captures.reduce((sum, c) => sum + entryBytes(c.entry), 0);
    this.nextSeq = Math.max(restored.index.nextSeq, ...this.captures.map((c) => c.seq + 1));
    for (const [tab, count] of restored.index.otherRequests) this.others.set(tab, count);
  }

  /** Keeps an exchange; returns it and the ones dropped to stay within the count and byte limits (never the new one). */
  add(tabId: number, entry: HarEntry): { added: StoredCapture; dropped: StoredCapture[] } {
    const added = { seq: this.nextSeq++, tabId, entry };
    this.captures.push(added);
    this.bytes += entryBytes(entry);
    let drop = Math.max(0, this.captures.length - this.limit);
    let bytes = this.bytes;
    for (let i = 0; i < drop; i++) bytes -= entryBytes(this.captures[i]!.entry);
    while (bytes > this.byteLimit && drop < this.captures.length - 1) bytes -= entryBytes(this.captures[drop++]!.entry);
    this.bytes = bytes;
    const dropped = drop ? this.captures.splice(0, drop) : [];
    return { added, dropped };
  }

  countOther(tabId: number, n = 1): void {
    this.others.set(tabId, (this.others.get(tabId) ?? 0) + n);
  }

  /** The tabs a request for `tabId` covers: it and the tabs it opened; undefined means all tabs. */
  private tabsFor(tabId: number | undefined): Set<number> | undefined {
    return tabId === undefined ? undefined : this.followers.groupOf(tabId);
  }

  /** Captures of `tabId` and the tabs it opened (all tabs when undefined), oldest first. */
  capturesFor(tabId?: number): StoredCapture[] {
    const tabs = this.tabsFor(tabId);
    return tabs ? this.captures.filter((c) => tabs.has(c.tabId)) : [...this.captures];
  }

  otherRequestsFor(tabId?: number): number {
    const tabs = this.tabsFor(tabId);
    let sum = 0;
    for (const [tab, count] of this.others) if (!tabs || tabs.has(tab)) sum += count;
    return sum;
  }

  /** Forgets the captures and counts of `tabId`'s group (everything when undefined); returns what was removed. */
  clear(tabId?: number): StoredCapture[] {
    const tabs = this.tabsFor(tabId);
    const removed = tabs ? this.captures.filter((c) => tabs.has(c.tabId)) : this.captures;
    this.captures = tabs ? this.captures.filter((c) => !tabs.has(c.tabId)) : [];
    this.bytes = this.captures.reduce((sum, c) => sum + entryBytes(c.entry), 0);
    if (tabs) for (const tab of tabs) this.others.delete(tab);
    else this.others.clear();
    return removed;
  }

  get size(): number {
    return this.captures.length;
  }

  index(): CaptureIndex {
    return {
      seqs: this.captures.map((c) => c.seq),
      nextSeq: this.nextSeq,
      otherRequests: [...this.others],
      openers: this.followers.entries(),
    };
  }
}

/** Checks a stored index: storage.session content from an older version must not break the background. */
export function toCaptureIndex(value: unknown): CaptureIndex | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const isPairs = (x: unknown): x is Array<[number, number]> =>
    Array.isArray(x) && x.every((p) => Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === 'number'));
  if (!Array.isArray(v.seqs) || !v.seqs.every((n) => typeof n === 'number') || typeof v.nextSeq !== 'number') return undefined;
  if (!isPairs(v.otherRequests) || !isPairs(v.openers)) return undefined;
  return { seqs: v.seqs, nextSeq: v.nextSeq, otherRequests: v.otherRequests, openers: v.openers };
}

export function toStoredCapture(value: unknown): StoredCapture | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const entry = v.entry as HarEntry | undefined;
  if (typeof v.seq !== 'number' || typeof v.tabId !== 'number' || typeof entry?.request?.url !== 'string' || typeof entry.response?.status !== 'number') {
    return undefined;
  }
  return { seq: v.seq, tabId: v.tabId, entry };
}
