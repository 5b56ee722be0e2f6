import { browser } from 'wxt/browser';
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

/**
 * DevTools' own network log: no host permission needed. getHAR() brings what happened before the panel
 * opened; onRequestFinished the rest, across the page's navigations (the panel page itself stays).
 */
export function devtoolsSource(network: DevtoolsNetwork = browser.devtools.network as unknown as DevtoolsNetwork): CaptureSource {
  return {
    kind: 'devtools',
    label: 'this DevTools window',
    connect(sink) {
      const seen = new Set<string>();
      let backlogDone = false;
      const early: HarEntry[] = [];
      const toExchanges = (entries: HarEntry[]) => entries.map((entry): Exchange => ({ entry, source: 'panel' }));
      const onFinished = (request: unknown) => {
        const entry = request as HarEntry;
        if (!backlogDone) early.push(entry);
        else sink.add(toExchanges([entry]), true);
      };
      network.onRequestFinished.addListener(onFinished);
      readHar(network)
        .then((log) => {
          const entries = log.entries ?? [];
          for (const e of entries) seen.add(identity(e));
          sink.add(toExchanges(entries), false);
        })
        .catch((e: unknown) => sink.status({ error: `DevTools did not give the network log (${(e as Error).message}). Reload the page to capture from now on.` }))
        .finally(() => {
          backlogDone = true;
          const fresh = early.filter((e) => !seen.has(identity(e)));
          if (fresh.length) sink.add(toExchanges(fresh), true);
          early.length = 0;
        });
      return () => network.onRequestFinished.removeListener(onFinished);
    },
    clear: async () => {},
  };
}
