import { browser } from 'wxt/browser';
import { bodyWorthReading } from '@/utils/capture/body-worth-reading';
import { httpStatusOf } from '@/utils/har/http-status';
import type { Exchange, HarEntry } from '@/utils/har/types';
import type { CaptureSource } from '@/utils/panel/capture-source';

/** Same request seen by getHAR() and onRequestFinished (it finished while the panel was opening). */
function identity(entry: HarEntry): string {
  return `${entry.startedDateTime}|${entry.request.method}|${entry.request.url.length}|${entry.request.url.slice(0, 200)}|${entry.request.postData?.text?.length ?? 0}`;
}

type HarLog = { entries?: HarEntry[] };

/** What the panel uses of `devtools.network`. */
export interface DevtoolsNetwork {
  /** Firefox returns a promise; Chrome only calls back (the webextension polyfill does not wrap getHAR). */
  getHAR(callback?: (log: HarLog) => void): Promise<HarLog> | void;
  onRequestFinished: { addListener(cb: (request: unknown) => void): void; removeListener(cb: (request: unknown) => void): void };
}

function readHar(network: DevtoolsNetwork): Promise<HarLog> {
  return new Promise((resolve, reject) => {
    try {
      // Promise first (Firefox, Chrome's native `browser`); a callback only where no promise came back, so
      // neither browser gets an argument it does not expect.
      const pending = network.getHAR();
      if (pending && typeof pending.then === 'function') pending.then(resolve, reject);
      else network.getHAR(resolve);
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}

/** A body DevTools never answered for is given up on after this long: capture must not stall. */
const BODY_TIMEOUT_MS = 3_000;

type GetContent = (callback?: (content: unknown, encoding: unknown) => void) => unknown;

/**
 * One response body from DevTools: Chrome calls back with (content, encoding), Firefox's promise gives
 * [content, mimeType], Chrome's promise { content, encoding }. Undefined when there is none or it never comes.
 */
function readBody(entry: HarEntry): Promise<{ text: string; encoding?: string } | undefined> {
  const getContent = (entry as unknown as { getContent?: GetContent }).getContent;
  if (typeof getContent !== 'function') return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let done = false;
    const finish = (content: unknown, encoding?: unknown) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(typeof content === 'string' && content ? { text: content, ...(encoding === 'base64' ? { encoding } : {}) } : undefined);
    };
    const timer = setTimeout(() => finish(undefined), BODY_TIMEOUT_MS);
    try {
      const pending = getContent.call(entry, (content, encoding) => finish(content, encoding));
      if (pending && typeof (pending as Promise<unknown>).then === 'function') {
        (pending as Promise<unknown>).then(
          (r) => (Array.isArray(r) ? finish(r[0]) : r && typeof r === 'object' ? finish((r as { content?: unknown }).content, (r as { encoding?: unknown }).encoding) : finish(r)),
          () => finish(undefined),
        );
      }
    } catch {
      finish(undefined);
    }
  });
}

/** The entries with the bodies the engine reads filled in (copies: DevTools' own objects are left alone). */
async function withBodies(entries: HarEntry[]): Promise<HarEntry[]> {
  return Promise.all(
    entries.map(async (entry) => {
      if (!bodyWorthReading(entry)) return entry;
      const body = await readBody(entry);
      return body ? { ...entry, response: { ...entry.response, content: { ...entry.response.content, ...body } } } : entry;
    }),
  );
}

/**
 * The log read several times, as one list: what only an earlier read had comes first (the page navigated and
 * DevTools cleared it), then the last read in its own order (it places the requests that arrived late among
 * the others). Each request once.
 */
export function mergeLogReads(reads: readonly HarEntry[][]): HarEntry[] {
  let merged: HarEntry[] = [];
  for (const read of reads) {
    const ids = new Set(read.map(identity));
    merged = [...merged.filter((e) => !ids.has(identity(e))), ...read];
  }
  return merged;
}

/**
 * Firefox files the requests that ended before its network monitor started (with the first getHAR) into its log
 * in a batch a moment after that getHAR answered: the log is read once more this long after.
 */
const LOG_SETTLE_MS = 250;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * DevTools' own network log: no host permission needed. getHAR() brings what happened before the panel
 * opened; onRequestFinished the rest, across the page's navigations (the panel page itself stays).
 *
 * Firefox (ESR 153) differs from Chrome in ways this follows:
 * - Its network monitor for add-ons starts with the first devtools.network call, and a getHAR() made while an
 *   onRequestFinished.addListener() is still starting it answers from an empty log: getHAR() comes first.
 * - onRequestFinished fires only for requests that end after the monitor started; those that had already
 *   ended reach its log in a batch just after that first getHAR() answered: the log is read a second time.
 * - While it builds a getHAR() answer it stops filing new requests: a request that starts then is in neither
 *   the log nor onRequestFinished ("HAR: request not found" in the browser console). So the log is read twice,
 *   only when the panel opens (the first read of a log just started is short), never again.
 * Live entries wait until the second read, so the engine gets them in order and each request once.
 */
export function devtoolsSource(network: DevtoolsNetwork = browser.devtools.network as unknown as DevtoolsNetwork): CaptureSource {
  return {
    kind: 'devtools',
    label: 'this DevTools window',
    connect(sink) {
      let backlogDone = false;
      let live = true;
      let listening = false;
      const early: HarEntry[] = [];
      // Requests the log gave as answered: Firefox may still fire onRequestFinished for them a moment later.
      const answeredInLog = new Set<string>();
      const toExchanges = (entries: HarEntry[]) => entries.map((entry): Exchange => ({ entry, source: 'panel' }));
      // Entries whose body is being read hold back the ones after them: the engine gets them in capture order.
      let queue: Promise<void> | undefined;
      const deliver = (entries: HarEntry[], isLive: boolean) => {
        if (!queue && !entries.some(bodyWorthReading)) {
          sink.add(toExchanges(entries), isLive);
          return;
        }
        const next = (queue ?? Promise.resolve()).then(async () => {
          const filled = await withBodies(entries);
          if (live) sink.add(toExchanges(filled), isLive);
        });
        queue = next;
        void next.finally(() => {
          if (queue === next) queue = undefined;
        });
      };
      const onFinished = (request: unknown) => {
        const entry = request as HarEntry;
        if (!backlogDone) early.push(entry);
        else if (!answeredInLog.delete(identity(entry))) deliver([entry], true);
      };
      const listen = () => {
        if (!live || listening) return;
        listening = true;
        network.onRequestFinished.addListener(onFinished);
      };
      const reads: HarEntry[][] = [];
      const read = async () => {
        reads.push((await readHar(network)).entries ?? []);
      };
      void (async () => {
        try {
          await read();
          listen();
          await sleep(LOG_SETTLE_MS);
          if (live) await read();
        } catch (e) {
          if (!reads.length) sink.status({ error: `DevTools did not give the network log (${(e as Error).message}). Reload the page to capture from now on.` });
        } finally {
          listen();
          backlogDone = true;
          if (live) {
            // The live copy of a request the log also gave has ended for sure: it replaces the log's.
            const finished = new Map(early.map((e) => [identity(e), e]));
            const backlog = mergeLogReads(reads).map((e) => finished.get(identity(e)) ?? e);
            const inLog = new Set(backlog.map(identity));
            // A request still pending when the log was read comes again, answered, through onRequestFinished.
            for (const e of backlog) if (httpStatusOf(e) !== undefined) answeredInLog.add(identity(e));
            const fresh = early.filter((e) => !inLog.has(identity(e)));
            if (reads.length) deliver(backlog, false);
            if (fresh.length) deliver(fresh, true);
          }
          early.length = 0;
        }
      })();
      return () => {
        live = false;
        if (listening) network.onRequestFinished.removeListener(onFinished);
      };
    },
    clear: async () => {},
  };
}
