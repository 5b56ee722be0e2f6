import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSettingsStore } from './settings-store';
import type { Settings } from './schema';

const acme: Settings = {
  enterprises: [{ id: 'a', service: 'sonarqube-cloud', name: 'Acme', region: 'eu', key: 'acme', provisioning: 'jit', oktaExpress: false, checklist: {} }],
  inviteTemplate: '',
  openOnClick: false,
};

describe('settings store', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('starts empty', async () => {
    expect((await createSettingsStore().load()).enterprises).toEqual([]);
  });

  it('saves to sync and local and loads it back', async () => {
    const store = createSettingsStore();
    const result = await store.save(acme, new Date('2025-03-01T00:00:00Z'));
    expect(result.synced).toBe(true);
    expect(await fakeBrowser.storage.sync.get('settings')).toMatchObject({ settings: { updatedAt: '2025-03-01T00:00:00.000Z' } });
    expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ 'settings$': { v: 2 } });
    expect((await createSettingsStore().load()).enterprises[0]).toMatchObject({ key: 'acme' });
  });

  it('migrates version 1 settings found in storage.sync', async () => {
    await fakeBrowser.storage.sync.set({ settings: { enterprises: [{ key: 'legacy', region: 'us' }], defaultKey: 'legacy' } });
    const store = createSettingsStore();
    const settings = await store.load();
    expect(settings.enterprises).toMatchObject([{ service: 'sonarqube-cloud', key: 'legacy', region: 'us', name: 'legacy' }]);
    expect(settings.defaultId).toBe(settings.enterprises[0]?.id);
    expect(await fakeBrowser.storage.sync.get('settings$')).toEqual({ 'settings$': { v: 2 } });
  });

  it('keeps the settings on this device when sync refuses them', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    const store = createSettingsStore();
    const result = await store.save(acme);
    expect(result).toMatchObject({ synced: false, reason: 'too large for browser sync' });
    expect((await store.load()).enterprises[0]).toMatchObject({ key: 'acme' });
  });

  it('takes the newer of the sync and local copies', async () => {
    const store = createSettingsStore();
    await store.save(acme, new Date('2025-03-01T00:00:00Z'));
    const fromOtherDevice = { ...acme, enterprises: [{ ...acme.enterprises[0]!, key: 'newer' }], updatedAt: '2025-03-05T00:00:00.000Z' };
    await fakeBrowser.storage.sync.set({ settings: fromOtherDevice });
    expect((await store.load()).enterprises[0]).toMatchObject({ key: 'newer' });
  });

  it('still loads when storage.sync throws', async () => {
    const store = createSettingsStore();
    await store.save(acme);
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('sync disabled by policy'));
    expect((await store.load()).enterprises[0]).toMatchObject({ key: 'acme' });
  });
});
