// The background recorder (issue 4, "With DevTools closed"): webRequest events → SAML HAR entries, kept in
// memory and storage.session, served to extension pages through protocol.ts. Off by default; it needs the
// optional webRequest permission and host access. It records and never analyzes: the engine would be most of
// the service worker's code (and Chrome allows no import() there), so the popup judges the sign-in it shows.
import { browser } from 'wxt/browser';
import { removeVerdicts } from '../settings/verdict';
import { CaptureStore } from './capture-store';
import { handleRecorderMessage, type RecorderControl } from './message-handler';
import type { RecorderCaptures, RecorderEntryAdded, RecorderSignIn, RecorderState } from './protocol';
import { losesRecording, recorderPermissions } from './recorder-permissions';
import { SessionMirror } from './session-mirror';
import { latestSignIn } from './sign-in-window';
import { WebRequestToHar, type RecordedExchange } from './webrequest-to-har';

/** In storage.local: the user's choice only (no captured data), so recording resumes after a browser restart. */
export const RECORDING_FLAG_KEY = 'recorder:enabled';

// SAML travels in top-level navigations (form POSTs, redirects), frames (passive sign-in) and fetch/XHR
// (single-page apps); images, scripts and styles never carry it, so they are not even delivered.
const FILTER = {
  urls: ['<all_urls>'],
  types: ['main_frame', 'sub_frame', 'xmlhttprequest', 'other'],
} as const;

export const PERMISSION_MISSING =
  'Recording needs access to the sites you sign in to, and the browser has not granted it. Turn recording on from the SAML panel to be asked.';
const API_MISSING = 'This browser gives SSO Lens no webRequest access, so it cannot record with DevTools closed. Use the SAML panel in DevTools.';

type WebRequestApi = NonNullable<typeof browser.webRequest>;

export class BackgroundRecorder implements RecorderControl {
  readonly converter = new WebRequestToHar();
  store = new CaptureStore();
  readonly mirror = new SessionMirror();
  recording = false;
  private listeningOn: WebRequestApi | undefined;
  /** Resolved once the previous run's captures and the recording flag are read. */
  readonly ready: Promise<void>;

  private readonly listeners = {
    beforeRequest: (details: Parameters<WebRequestToHar['beforeRequest']>[0]) => {
      if (!this.converter.beforeRequest(details)) void this.ready.then(() => this.countOther(details.tabId));
      return undefined;
    },
    sendHeaders: (details: Parameters<WebRequestToHar['sendHeaders']>[0]) => this.converter.sendHeaders(details),
    beforeRedirect: (details: Parameters<WebRequestToHar['beforeRedirect']>[0]) => this.finished(this.converter.beforeRedirect(details)),
    completed: (details: Parameters<WebRequestToHar['completed']>[0]) => this.finished(this.converter.completed(details)),
    errorOccurred: (details: Parameters<WebRequestToHar['errorOccurred']>[0]) => this.finished(this.converter.errorOccurred(details)),
  };

  constructor() {
    // MV3 wakes a stopped service worker only for listeners added in its first turn: add them now when the
    // permission is there, and take them off again below if recording turns out to be off.
    if (this.webRequest()) this.listen();
    this.ready = this.start();
  }

  private webRequest(): WebRequestApi | undefined {
    // The namespace exists only while the optional permission is granted.
    return (browser as { webRequest?: WebRequestApi }).webRequest;
  }

  private async start(): Promise<void> {
    try {
      const restored = await this.mirror.load();
      if (restored) this.store = new CaptureStore(this.store.limit, restored);
    } catch (e) {
      console.warn('SSO Lens recorder: previous captures could not be read from session storage', e);
    }
    let wanted = false;
    try {
      wanted = (await browser.storage.local.get(RECORDING_FLAG_KEY))[RECORDING_FLAG_KEY] === true;
    } catch {
      wanted = false;
    }
    const state = wanted ? await this.turnOn() : undefined;
    if (!state?.recording) this.turnOff();
  }

  /** Recording on, if the browser granted what it needs; the reason otherwise. */
  private async turnOn(): Promise<RecorderState> {
    if (!this.webRequest()) {
      const granted = await this.hasPermission();
      return { recording: false, error: granted ? API_MISSING : PERMISSION_MISSING };
    }
    if (!(await this.hasPermission())) return { recording: false, error: PERMISSION_MISSING };
    this.listen();
    this.recording = true;
    return { recording: true };
  }

  private turnOff(): void {
    this.recording = false;
    this.unlisten();
    this.converter.reset();
  }

  private async hasPermission(): Promise<boolean> {
    try {
      const needed = recorderPermissions(browser.runtime.getManifest());
      return await browser.permissions.contains(needed as Parameters<typeof browser.permissions.contains>[0]);
    } catch {
      return false;
    }
  }

  private listen(): void {
    const api = this.webRequest();
    if (!api || this.listeningOn === api) return;
    const filter = FILTER as unknown as { urls: string[] };
    const l = this.listeners;
    api.onBeforeRequest.addListener(l.beforeRequest as never, filter, ['requestBody']);
    api.onSendHeaders.addListener(l.sendHeaders as never, filter, ['requestHeaders']);
    api.onBeforeRedirect.addListener(l.beforeRedirect as never, filter, ['responseHeaders']);
    api.onCompleted.addListener(l.completed as never, filter, ['responseHeaders']);
    api.onErrorOccurred.addListener(l.errorOccurred as never, filter);
    this.listeningOn = api;
  }

  private unlisten(): void {
    const api = this.listeningOn;
    if (!api) return;
    const l = this.listeners;
    api.onBeforeRequest.removeListener(l.beforeRequest as never);
    api.onSendHeaders.removeListener(l.sendHeaders as never);
    api.onBeforeRedirect.removeListener(l.beforeRedirect as never);
    api.onCompleted.removeListener(l.completed as never);
    api.onErrorOccurred.removeListener(l.errorOccurred as never);
    this.listeningOn = undefined;
  }

  get listening(): boolean {
    return this.listeningOn !== undefined;
  }

  private countOther(tabId: number): void {
    if (!this.recording) return;
    this.store.countOther(tabId);
    this.mirror.saveIndexSoon(() => this.store.index());
  }

  private finished(exchange: RecordedExchange | undefined): undefined {
    if (exchange) void this.ready.then(() => this.record(exchange));
    return undefined;
  }

  /** Keeps a finished SAML exchange and tells open pages. */
  async record({ entry, tabId }: RecordedExchange): Promise<void> {
    if (!this.recording) return;
    const { added, dropped } = this.store.add(tabId, entry);
    const saved = this.mirror.save({ added, removed: dropped }, this.store.index());
    const event: RecorderEntryAdded = { type: 'recorder:entry-added', tabId, entry };
    // No page listening is the usual case: the browser rejects, which is fine.
    browser.runtime.sendMessage(event).catch(() => {});
    await saved;
  }

  /** A tab opened by another one joins its capture group. */
  async tabCreated(tab: { id?: number; openerTabId?: number }): Promise<void> {
    const { id, openerTabId } = tab;
    if (id === undefined || openerTabId === undefined) return;
    await this.ready;
    if (!this.recording) return;
    this.store.followers.follow(id, openerTabId);
    this.mirror.saveIndexSoon(() => this.store.index());
  }

  /** The user took back webRequest or host access in the browser's settings. */
  async permissionsRemoved(removed: { permissions?: string[]; origins?: string[] }): Promise<void> {
    if (!losesRecording(removed, recorderPermissions(browser.runtime.getManifest()))) return;
    await this.ready;
    this.turnOff();
    await browser.storage.local.remove(RECORDING_FLAG_KEY);
  }

  async captures(tabId?: number): Promise<RecorderCaptures> {
    await this.ready;
    return {
      entries: this.store.capturesFor(tabId).map(({ entry, tabId: t }) => ({ entry, tabId: t })),
      recording: this.recording,
      otherRequests: this.store.otherRequestsFor(tabId),
    };
  }

  /** What the popup judges the tab's last sign-in from (sign-in-window.ts). */
  async signIn(tabId: number): Promise<RecorderSignIn> {
    await this.ready;
    return latestSignIn(this.store, tabId);
  }

  async setEnabled(enabled: boolean): Promise<RecorderState> {
    await this.ready;
    if (!enabled) {
      this.turnOff();
      await browser.storage.local.remove(RECORDING_FLAG_KEY);
      return { recording: false };
    }
    const state = await this.turnOn();
    if (state.recording) await browser.storage.local.set({ [RECORDING_FLAG_KEY]: true });
    return state;
  }

  async clear(tabId?: number): Promise<RecorderState> {
    await this.ready;
    const tabs = tabId === undefined ? undefined : this.store.followers.groupOf(tabId);
    const removed = this.store.clear(tabId);
    await this.mirror.save({ removed }, this.store.index());
    // Verdicts judged from these captures (kept for the sign-in's tab or the tab that opened it) go with them.
    await removeVerdicts(tabs ?? new Set(removed.flatMap((c) => [c.tabId, this.store.followers.rootOf(c.tabId)])));
    return { recording: this.recording };
  }
}

/** Wires the recorder into the background; call once, at the top level of the background script. */
export function registerRecorder(): BackgroundRecorder {
  const recorder = new BackgroundRecorder();
  browser.tabs.onCreated.addListener((tab) => void recorder.tabCreated(tab));
  browser.permissions.onRemoved.addListener((removed) => void recorder.permissionsRemoved(removed));
  browser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    const reply = handleRecorderMessage(message, recorder);
    if (!reply) return false;
    // sendResponse + `true` works on Chrome's native API, the polyfill and Firefox alike.
    reply.then(sendResponse, (e: unknown) => sendResponse({ error: `The recorder failed: ${(e as Error).message}` }));
    return true;
  });
  return recorder;
}
