import { describe, expect, it, vi } from 'vitest';
import { handleRecorderMessage, type RecorderControl } from './message-handler';

function control(): RecorderControl & { [K in keyof RecorderControl]: ReturnType<typeof vi.fn> } {
  return {
    captures: vi.fn(async () => ({ entries: [], recording: true, otherRequests: 3 })),
    signIn: vi.fn(async () => ({ seq: 5, entries: [], flows: 1 })),
    setEnabled: vi.fn(async (enabled: boolean) => ({ recording: enabled })),
    clear: vi.fn(async () => ({ recording: true })),
  };
}

describe('recorder message handler', () => {
  it('routes get-captures, get-sign-in, set-enabled and clear with their tab', async () => {
    const c = control();
    await expect(handleRecorderMessage({ type: 'recorder:get-captures', tabId: 4 }, c)).resolves.toEqual({ entries: [], recording: true, otherRequests: 3 });
    expect(c.captures).toHaveBeenCalledWith(4);
    await handleRecorderMessage({ type: 'recorder:get-captures' }, c);
    expect(c.captures).toHaveBeenLastCalledWith(undefined);
    await expect(handleRecorderMessage({ type: 'recorder:get-sign-in', tabId: 6 }, c)).resolves.toEqual({ seq: 5, entries: [], flows: 1 });
    expect(c.signIn).toHaveBeenCalledWith(6);
    await expect(handleRecorderMessage({ type: 'recorder:set-enabled', enabled: false }, c)).resolves.toEqual({ recording: false });
    await handleRecorderMessage({ type: 'recorder:clear', tabId: 9 }, c);
    expect(c.clear).toHaveBeenCalledWith(9);
  });

  it('answers a malformed request with a specific error, without calling the recorder', async () => {
    const c = control();
    await expect(handleRecorderMessage({ type: 'recorder:get-captures', tabId: '4' }, c)).resolves.toEqual({
      error: 'recorder:get-captures: tabId must be a tab number, not "4".',
    });
    await expect(handleRecorderMessage({ type: 'recorder:set-enabled' }, c)).resolves.toEqual({
      error: 'recorder:set-enabled: enabled must be true or false, not undefined.',
    });
    // The last sign-in is always of one tab.
    await expect(handleRecorderMessage({ type: 'recorder:get-sign-in' }, c)).resolves.toEqual({
      error: 'recorder:get-sign-in: tabId must be a tab number, not undefined.',
    });
    expect(c.captures).not.toHaveBeenCalled();
    expect(c.signIn).not.toHaveBeenCalled();
    expect(c.setEnabled).not.toHaveBeenCalled();
  });

  it('leaves other messages (and its own broadcasts) to other listeners', () => {
    const c = control();
    for (const message of [undefined, 'recorder:clear', { type: 'settings:changed' }, { type: 'recorder:entry-added', tabId: 1 }]) {
      expect(handleRecorderMessage(message, c)).toBeUndefined();
    }
  });
});
