import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HarEntry } from '@/utils/har/types';
import type { RecorderCaptures, RecorderRequest } from '@/utils/recorder/protocol';
import { RECOUNT_MS, recorderSource } from './recorder-source';

const entry = (url: string): HarEntry => ({ startedDateTime: '2024-01-01T00:00:00.000Z', request: { method: 'GET', url, headers: [] }, response: { status: 302, headers: [] } });

describe('recorder capture source', () => {
  let requests: RecorderRequest[];
  let captures: RecorderCaptures;
  beforeEach(() => {
    fakeBrowser.reset();
    requests = [];
    captures = { entries: [{ entry: entry('https://idp.example/?SAMLRequest=1'), tabId: 7 }], recording: true, otherRequests: 3 };
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: RecorderRequest) => {
      requests.push(message);
      return message.type === 'recorder:get-captures' ? captures : undefined;
    }) as never);
  });
  afterEach(() => vi.restoreAllMocks());

  it("asks for the tab's captures, then takes broadcasts for that tab and the tabs it opened", async () => {
    const add = vi.fn();
    const status = vi.fn();
    const stop = recorderSource(7).connect({ add, status });
    await vi.waitFor(() => expect(status).toHaveBeenCalledWith({ recording: true, otherRequests: 3 }));
    expect(requests[0]).toEqual({ type: 'recorder:get-captures', tabId: 7 });
    expect(add).toHaveBeenCalledWith([{ entry: captures.entries[0]!.entry, source: 'recorder', tabId: 7 }], false);

    await fakeBrowser.runtime.onMessage.trigger({ type: 'recorder:entry-added', tabId: 7, entry: entry('https://sp.example/acs?x=2') }, {}, () => {});
    expect(add).toHaveBeenLastCalledWith([expect.objectContaining({ tabId: 7 })], true);

    // A tab the sign-in opened: the panel asks the background, which knows the opener chain.
    captures = { ...captures, entries: [...captures.entries, { entry: entry('https://idp.example/popup?SAMLResponse=3'), tabId: 9 }] };
    await fakeBrowser.runtime.onMessage.trigger({ type: 'recorder:entry-added', tabId: 9, entry: entry('https://idp.example/popup?SAMLResponse=3') }, {}, () => {});
    await vi.waitFor(() => expect(add).toHaveBeenLastCalledWith([expect.objectContaining({ tabId: 9 })], true));
    expect(add).toHaveBeenCalledTimes(3);
    stop();
  });

  it("reads the recorder's count of other requests again while open, and stops when closed", async () => {
    vi.useFakeTimers();
    try {
      const status = vi.fn();
      const stop = recorderSource(7).connect({ add: vi.fn(), status });
      await vi.advanceTimersByTimeAsync(0);
      expect(status).toHaveBeenLastCalledWith({ recording: true, otherRequests: 3 });
      // Non-SAML requests are not announced: only the recount shows them.
      captures = { ...captures, otherRequests: 5 };
      await vi.advanceTimersByTimeAsync(RECOUNT_MS);
      expect(status).toHaveBeenLastCalledWith({ recording: true, otherRequests: 5 });
      stop();
      const asked = requests.length;
      await vi.advanceTimersByTimeAsync(RECOUNT_MS * 3);
      expect(requests).toHaveLength(asked);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says so when the background does not answer', async () => {
    vi.mocked(fakeBrowser.runtime.sendMessage).mockRejectedValueOnce(new Error('Receiving end does not exist.'));
    const status = vi.fn();
    recorderSource(7).connect({ add: vi.fn(), status });
    await vi.waitFor(() => expect(status).toHaveBeenCalled());
    expect(status.mock.calls[0]![0].error).toMatch(/did not answer \(Receiving end does not exist\.\)/);
  });

  it('asks for the permission first, then switches the recorder on', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ optional_permissions: ['webRequest'], optional_host_permissions: ['https://*/*', 'http://*/*'] } as never);
    const source = recorderSource(7);
    source.connect({ add: vi.fn(), status: vi.fn() });
    await source.enableRecording!();
    expect(request).toHaveBeenCalledWith({ permissions: ['webRequest'], origins: ['https://*/*', 'http://*/*'] });
    expect(requests).toContainEqual({ type: 'recorder:set-enabled', enabled: true });
  });

  it('does not switch the recorder on when the permission is refused', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ optional_host_permissions: ['https://*/*'] } as never);
    await expect(recorderSource(7).enableRecording!()).rejects.toThrow(/did not grant it/);
    expect(requests.some((r) => r.type === 'recorder:set-enabled')).toBe(false);
  });

  it("shows the background's reason when recording stays off", async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ optional_host_permissions: ['https://*/*'] } as never);
    vi.mocked(fakeBrowser.runtime.sendMessage).mockResolvedValueOnce({ recording: false, error: 'This browser has no webRequest API.' } as never);
    await expect(recorderSource(7).enableRecording!()).rejects.toThrow('This browser has no webRequest API.');
  });

  it('clears the captures of its tab at the recorder', async () => {
    await recorderSource(7).clear();
    expect(requests).toEqual([{ type: 'recorder:clear', tabId: 7 }]);
  });
});
