import { browser } from 'wxt/browser';
import { toCaptureIndex, toStoredCapture, type CaptureIndex, type StoredCapture } from './capture-store';

// A copy of the recorder's memory in storage.session, so captures survive the MV3 service worker being
// stopped and restarted. storage.session lives in memory only: captures never reach the disk (DESIGN.md,
// "Privacy"). Each capture has its own key so that adding one writes one entry, not all of them.

export const INDEX_KEY = 'recorder:index';
const ENTRY_PREFIX = 'recorder:entry:';
export const entryKey = (seq: number) => `${ENTRY_PREFIX}${seq}`;

/** How long non-SAML counts may wait before they are written: every page load would otherwise write storage. */
export const COUNT_WRITE_DELAY_MS = 2000;

export class SessionMirror {
  private queue: Promise<void> = Promise.resolve();
  private countTimer: ReturnType<typeof setTimeout> | undefined;
  /** The last write failure, for the logs (e.g. a huge body over the session quota). */
  lastError: string | undefined;

  /** Reads what a previous run of the background left; nothing (not an error) when there is none. */
  async load(): Promise<{ index: CaptureIndex; captures: StoredCapture[] } | undefined> {
    const stored = await browser.storage.session.get(INDEX_KEY);
    const index = toCaptureIndex(stored[INDEX_KEY]);
    if (!index) return undefined;
    const keys = index.seqs.map(entryKey);
    const entries = keys.length ? await browser.storage.session.get(keys) : {};
    const captures = keys.map((k) => toStoredCapture(entries[k])).filter((c): c is StoredCapture => !!c);
    return { index, captures };
  }

  /** Writes a new capture, removes dropped ones and rewrites the index, in call order. */
  save(change: { added?: StoredCapture; removed?: StoredCapture[] }, index: CaptureIndex): Promise<void> {
    this.cancelCountWrite();
    return this.enqueue(async () => {
      if (change.removed?.length) await browser.storage.session.remove(change.removed.map((c) => entryKey(c.seq)));
      if (change.added) {
        const { added } = change;
        try {
          await browser.storage.session.set({ [entryKey(added.seq)]: added });
        } catch (e) {
          // Over the session quota: the capture stays in memory and the index must not promise it after a restart.
          this.lastError = (e as Error).message;
          index = { ...index, seqs: index.seqs.filter((s) => s !== added.seq) };
        }
      }
      await browser.storage.session.set({ [INDEX_KEY]: index });
    });
  }

  /** The index alone (counts, tab openers), written a little later so bursts of requests make one write. */
  saveIndexSoon(index: () => CaptureIndex): void {
    if (this.countTimer) return;
    this.countTimer = setTimeout(() => {
      this.countTimer = undefined;
      void this.enqueue(() => browser.storage.session.set({ [INDEX_KEY]: index() }));
    }, COUNT_WRITE_DELAY_MS);
  }

  /** Waits for the writes queued so far. */
  flush(): Promise<void> {
    return this.queue;
  }

  private cancelCountWrite(): void {
    if (this.countTimer) clearTimeout(this.countTimer);
    this.countTimer = undefined;
  }

  private enqueue(write: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(write).catch((e: unknown) => {
      this.lastError = (e as Error).message;
    });
    return this.queue;
  }
}
