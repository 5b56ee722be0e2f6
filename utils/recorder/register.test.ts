import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { b64, fixtureXml } from '../../tests/support/har-builder';
import { readVerdict, writeVerdict } from '../settings/verdict';
import type { RecorderCaptures, RecorderSignIn, RecorderState } from './protocol';
import { BackgroundRecorder, PERMISSION_MISSING, RECORDING_FLAG_KEY, registerRecorder } from './register';

const ACS = 'https://sonarcloud.io/oauth2/callback/saml';
const SAML_RESPONSE = b64(fixtureXml('entra/netsaml2-issue-49-response.xml'));
const T0 = Date.parse('2025-03-01T10:00:00.000Z');

type Listener = (details: Record<string, unknown>) => unknown;

/** fakeBrowser has no webRequest: events whose listeners the test can see and fire. */
function fakeEvent() {
  const listeners = new Set<Listener>();
  return {
    addListener: vi.fn((fn: Listener) => void listeners.add(fn)),
    removeListener: vi.fn((fn: Listener) => void listeners.delete(fn)),
    hasListener: vi.fn((fn: Listener) => listeners.has(fn)),
    fire: (details: Record<string, unknown>) => [...listeners].forEach((fn) => fn(details)),
    get count() {
      return listeners.size;
    },
  };
}

const EVENTS = ['onBeforeRequest', 'onSendHeaders', 'onBeforeRedirect', 'onCompleted', 'onErrorOccurred', 'onHeadersReceived'] as const;
type FakeWebRequest = Record<(typeof EVENTS)[number], ReturnType<typeof fakeEvent>>;

let webRequest: FakeWebRequest;
let granted: boolean;
let permissionsRemoved: ReturnType<typeof fakeEvent>;
const b = fakeBrowser as unknown as Record<string, unknown>;

function installWebRequest() {
  webRequest = Object.fromEntries(EVENTS.map((e) => [e, fakeEvent()])) as FakeWebRequest;
  b.webRequest = webRequest;
}

const send = <T>(message: unknown) => fakeBrowser.runtime.sendMessage(message) as Promise<T>;

/** A form POST of the Entra response to SonarQube Cloud, as webRequest reports it (raw body in two chunks). */
function signIn(tabId: number, requestId = `r${tabId}`) {
  const body = new TextEncoder().encode(`SAMLResponse=${encodeURIComponent(SAML_RESPONSE)}`);
  const base = { requestId, tabId, url: ACS, method: 'POST', type: 'main_frame' };
  webRequest.onBeforeRequest.fire({ ...base, timeStamp: T0, requestBody: { raw: [{ bytes: body.slice(0, 5000).buffer }, { bytes: body.slice(5000).buffer }] } });
  webRequest.onSendHeaders.fire({ ...base, timeStamp: T0 + 1, requestHeaders: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }] });
  webRequest.onCompleted.fire({ ...base, timeStamp: T0 + 80, statusCode: 302, statusLine: 'HTTP/1.1 302 Found', responseHeaders: [] });
}

function pageLoad(tabId: number, requestId = `p${tabId}`) {
  const base = { requestId, tabId, url: 'https://sonarcloud.io/projects', method: 'GET', type: 'main_frame' };
  webRequest.onBeforeRequest.fire({ ...base, timeStamp: T0 });
  webRequest.onCompleted.fire({ ...base, timeStamp: T0 + 5, statusCode: 200, statusLine: 'HTTP/1.1 200 OK' });
}

/** Lets queued promise chains (record, storage writes) run. */
async function settle(recorder: BackgroundRecorder) {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  await recorder.mirror.flush();
}

async function everything(area: 'local' | 'sync' | 'session') {
  return JSON.stringify(await fakeBrowser.storage[area].get(null));
}

describe('background recorder registration', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    granted = false;
    permissionsRemoved = fakeEvent();
    b.permissions = { contains: vi.fn(async () => granted), onRemoved: permissionsRemoved };
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ optional_permissions: ['webRequest'], optional_host_permissions: ['https://*/*', 'http://*/*'] } as never);
    installWebRequest();
  });
  afterEach(() => {
    delete b.webRequest;
    vi.restoreAllMocks();
  });

  it('is off by default: no webRequest listener stays, and captures say recording is off', async () => {
    granted = true; // even with the permission, nothing records until the user turns it on
    const recorder = registerRecorder();
    await recorder.ready;
    expect(webRequest.onBeforeRequest.count).toBe(0);
    expect(recorder.listening).toBe(false);
    await expect(send<RecorderCaptures>({ type: 'recorder:get-captures' })).resolves.toEqual({ entries: [], recording: false, otherRequests: 0 });
  });

  it('adds no listener at all when the browser did not grant webRequest', async () => {
    delete b.webRequest;
    const recorder = registerRecorder();
    await recorder.ready;
    const reply = await send<RecorderState>({ type: 'recorder:set-enabled', enabled: true });
    expect(reply).toEqual({ recording: false, error: PERMISSION_MISSING });
  });

  it('says clearly that permission is missing and stays off', async () => {
    const recorder = registerRecorder();
    const reply = await send<RecorderState>({ type: 'recorder:set-enabled', enabled: true });
    expect(reply).toEqual({ recording: false, error: PERMISSION_MISSING });
    expect(fakeBrowser.permissions.contains).toHaveBeenCalledWith({ permissions: ['webRequest'], origins: ['https://*/*', 'http://*/*'] });
    expect(webRequest.onBeforeRequest.addListener).toHaveBeenCalledTimes(1); // the first-turn registration…
    expect(webRequest.onBeforeRequest.count).toBe(0); // …taken off again
    expect(recorder.recording).toBe(false);
    expect(await fakeBrowser.storage.local.get(RECORDING_FLAG_KEY)).toEqual({});
  });

  it('records a sign-in once enabled: listeners with body and headers, the entry kept, broadcast and picked for the popup', async () => {
    granted = true;
    const recorder = registerRecorder();
    await expect(send<RecorderState>({ type: 'recorder:set-enabled', enabled: true })).resolves.toEqual({ recording: true });
    expect(webRequest.onBeforeRequest.count).toBe(1);
    const filter = expect.objectContaining({ urls: ['<all_urls>'] });
    expect(webRequest.onBeforeRequest.addListener).toHaveBeenLastCalledWith(expect.any(Function), filter, ['requestBody']);
    expect(webRequest.onSendHeaders.addListener).toHaveBeenLastCalledWith(expect.any(Function), filter, ['requestHeaders']);
    expect(webRequest.onCompleted.addListener).toHaveBeenLastCalledWith(expect.any(Function), filter, ['responseHeaders']);

    const broadcast = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    pageLoad(7);
    signIn(7);
    await settle(recorder);
    expect(broadcast).toHaveBeenCalledWith(expect.objectContaining({ type: 'recorder:entry-added', tabId: 7 }));

    const captures = await send<RecorderCaptures>({ type: 'recorder:get-captures', tabId: 7 });
    expect(captures.recording).toBe(true);
    expect(captures.otherRequests).toBe(1);
    expect(captures.entries).toHaveLength(1);
    expect(captures.entries[0]!.entry.request.postData?.text).toContain(encodeURIComponent(SAML_RESPONSE));
    expect(captures.entries[0]!.entry.response.status).toBe(302);
    // The background only picks what to judge; the popup judges it (the engine stays out of the service worker).
    const picked = await send<RecorderSignIn>({ type: 'recorder:get-sign-in', tabId: 7 });
    expect(picked).toEqual({ seq: expect.any(Number), entries: [captures.entries[0]!.entry], flows: 1 });
    expect(await readVerdict(7)).toBeUndefined();
  });

  it('never writes captures to storage.local or storage.sync: only the on/off flag', async () => {
    granted = true;
    const recorder = registerRecorder();
    await send({ type: 'recorder:set-enabled', enabled: true });
    signIn(7);
    await settle(recorder);
    await new Promise((r) => setTimeout(r, 0));
    expect(await everything('session')).toContain(SAML_RESPONSE.slice(0, 200));
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ [RECORDING_FLAG_KEY]: true });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(await everything('local')).not.toContain('SAML');
  });

  it('follows a tab opened by the recorded tab: its sign-in shows up for the opener, and is the last sign-in of both', async () => {
    granted = true;
    const recorder = registerRecorder();
    await send({ type: 'recorder:set-enabled', enabled: true });
    // fakeBrowser's tabs.create drops openerTabId: fire the event as the browser would.
    const popup = { id: 21, openerTabId: 7, index: 1, windowId: 1, active: true, pinned: false, highlighted: true, incognito: false };
    await fakeBrowser.tabs.onCreated.trigger(popup as Parameters<typeof fakeBrowser.tabs.onCreated.trigger>[0]);
    signIn(21);
    signIn(99);
    await settle(recorder);
    const captures = await send<RecorderCaptures>({ type: 'recorder:get-captures', tabId: 7 });
    expect(captures.entries.map((e) => e.tabId)).toEqual([21]);
    const lastSignIn = (tabId: number) => send<RecorderSignIn>({ type: 'recorder:get-sign-in', tabId });
    const fromTab21 = await lastSignIn(21);
    expect(fromTab21).toMatchObject({ flows: 1, entries: [expect.objectContaining({ request: expect.objectContaining({ url: ACS }) })] });
    expect(await lastSignIn(7)).toEqual(fromTab21);
    expect((await lastSignIn(99)).seq).toBeGreaterThan(fromTab21.seq!);
    expect(await lastSignIn(8)).toEqual({ entries: [], flows: 0 });
    expect((await send<RecorderCaptures>({ type: 'recorder:get-captures', tabId: 99 })).entries.map((e) => e.tabId)).toEqual([99]);
    const all = await send<RecorderCaptures>({ type: 'recorder:get-captures' });
    expect(all.entries).toHaveLength(2);
  });

  it('survives a service-worker restart: captures come back from storage.session and listening resumes', async () => {
    granted = true;
    const first = registerRecorder();
    await send({ type: 'recorder:set-enabled', enabled: true });
    signIn(7);
    await settle(first);

    // A new worker: same storage, fresh listeners.
    fakeBrowser.runtime.onMessage.removeAllListeners?.();
    installWebRequest();
    const second = new BackgroundRecorder();
    expect(webRequest.onBeforeRequest.count).toBe(1); // added in the first turn, before storage is read
    await second.ready;
    expect(second.recording).toBe(true);
    expect(webRequest.onBeforeRequest.count).toBe(1);
    const captures = await second.captures(7);
    expect(captures.entries).toHaveLength(1);
    expect(captures.entries[0]!.entry.request.url).toBe(ACS);
  });

  it('stops when turned off or when the user removes the permission', async () => {
    granted = true;
    const recorder = registerRecorder();
    await send({ type: 'recorder:set-enabled', enabled: true });
    await expect(send<RecorderState>({ type: 'recorder:set-enabled', enabled: false })).resolves.toEqual({ recording: false });
    expect(webRequest.onBeforeRequest.count).toBe(0);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});

    await send({ type: 'recorder:set-enabled', enabled: true });
    expect(webRequest.onCompleted.count).toBe(1);
    permissionsRemoved.fire({ origins: ['https://*/*'] });
    await settle(recorder);
    expect(recorder.recording).toBe(false);
    for (const e of EVENTS) expect(webRequest[e].count).toBe(0);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('clears a tab group: captures, their session copies and the verdicts judged from them', async () => {
    granted = true;
    const recorder = registerRecorder();
    await send({ type: 'recorder:set-enabled', enabled: true });
    signIn(7);
    signIn(8);
    await settle(recorder);
    // What the popup keeps after judging each tab's sign-in.
    await writeVerdict(7, { worst: 'error', at: '2025-03-01T10:00:00.000Z', flows: 1, captureSeq: 1 });
    await writeVerdict(8, { worst: 'error', at: '2025-03-01T10:00:00.000Z', flows: 1, captureSeq: 2 });
    await expect(send<RecorderState>({ type: 'recorder:clear', tabId: 7 })).resolves.toEqual({ recording: true });
    expect((await send<RecorderCaptures>({ type: 'recorder:get-captures', tabId: 7 })).entries).toEqual([]);
    expect((await send<RecorderCaptures>({ type: 'recorder:get-captures', tabId: 8 })).entries).toHaveLength(1);
    expect(await readVerdict(7)).toBeUndefined();
    expect(await readVerdict(8)).toBeDefined();
    await send({ type: 'recorder:clear' });
    await settle(recorder);
    expect(await everything('session')).not.toContain('SAMLResponse');
    expect(await readVerdict(8)).toBeUndefined();
  });
});
