import { browser } from 'wxt/browser';
import type { Exchange, HarEntry } from '@/utils/har/types';
import type { CaptureSource } from '@/utils/panel/capture-source';
import type { RecorderCaptures, RecorderEvent, RecorderRequest } from '@/utils/recorder/protocol';
import { recorderPermissions } from '@/utils/recorder/recorder-permissions';

type PermissionRequest = Parameters<typeof browser.permissions.request>[0];

function identity(entry: HarEntry): string {
  return `${entry.startedDateTime}|${entry.request.method}|${entry.request.url}`;
}

function isCaptures(value: unknown): value is RecorderCaptures {
  return typeof value === 'object' && value !== null && Array.isArray((value as RecorderCaptures).entries);
}

/** How often the panel tab reads the recorder's counters again. */
export const RECOUNT_MS = 1_500;

const send = (message: RecorderRequest) => browser.runtime.sendMessage(message);

/**
 * The background recorder (webRequest), for the panel opened as a tab: captures of `tabId` and the tabs it
 * opened, or of all tabs when no tab is given.
 */
export function recorderSource(tabId: number | undefined): CaptureSource {
  let refresh: (() => Promise<void>) | undefined;
  return {
    kind: 'recorder',
    label: tabId === undefined ? 'the recorder, all tabs' : `the recorder, tab ${tabId}`,
    connect(sink) {
      let stopped = false;
      const seen = new Set<string>();
      const tabs = new Set<number>(tabId === undefined ? [] : [tabId]);
      const take = (entries: RecorderCaptures['entries'], live: boolean) => {
        const fresh = entries.filter(({ entry }) => !seen.has(identity(entry)));
        for (const { entry, tabId: t } of fresh) {
          seen.add(identity(entry));
          tabs.add(t);
        }
        if (fresh.length) sink.add(fresh.map(({ entry, tabId: t }): Exchange => ({ entry, source: 'recorder', tabId: t })), live);
      };
      refresh = async () => {
        try {
          const reply: unknown = await send({ type: 'recorder:get-captures', ...(tabId === undefined ? {} : { tabId }) });
          if (stopped) return;
          if (!isCaptures(reply)) {
            sink.status({ error: 'The background recorder did not answer. Reload the extension, or use the SAML panel in DevTools.' });
            return;
          }
          take(reply.entries, seen.size > 0);
          sink.status({ recording: reply.recording, otherRequests: reply.otherRequests });
        } catch (e) {
          if (!stopped) sink.status({ error: `The background recorder did not answer (${(e as Error).message}).` });
        }
      };
      const onMessage = (message: unknown) => {
        const event = message as RecorderEvent;
        if (event?.type !== 'recorder:entry-added') return;
        if (tabId === undefined || tabs.has(event.tabId)) take([{ entry: event.entry, tabId: event.tabId }], true);
        // Maybe a tab the sign-in opened: the background knows the opener chain, ask it.
        else void refresh?.();
      };
      browser.runtime.onMessage.addListener(onMessage);
      void refresh();
      // The background announces SAML captures only; its count of the tab's other requests (the status bar) and
      // its on/off state are read again every second and a half, while the page is visible.
      const poll = setInterval(() => {
        if (globalThis.document?.visibilityState !== 'hidden') void refresh?.();
      }, RECOUNT_MS);
      return () => {
        stopped = true;
        clearInterval(poll);
        browser.runtime.onMessage.removeListener(onMessage);
      };
    },
    async clear() {
      await send({ type: 'recorder:clear', ...(tabId === undefined ? {} : { tabId }) });
    },
    async enableRecording() {
      // First call in the click handler: the permission prompt needs the user's gesture.
      // The same set the background checks before it records (recorder-permissions.ts).
      const granted = await browser.permissions.request(recorderPermissions(browser.runtime.getManifest()) as PermissionRequest);
      if (!granted) throw new Error('Recording needs access to the sites you sign in to. The browser did not grant it, so recording stays off.');
      const reply: unknown = await send({ type: 'recorder:set-enabled', enabled: true });
      // The background may answer with its state and why it stayed off (e.g. the browser lacks webRequest).
      const state = reply as { recording?: unknown; error?: unknown } | undefined;
      if (state?.recording === false && typeof state.error === 'string') throw new Error(state.error);
      await refresh?.();
    },
  };
}
