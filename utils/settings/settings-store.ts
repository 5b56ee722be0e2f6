// Settings live in storage.sync so an admin's enterprises follow them between browsers. sync has small quotas
// (8 KB per item in Chrome) and can be turned off by policy, so every save also goes to storage.local and a load
// takes the newer of the two copies.
import { storage } from 'wxt/utils/storage';
import { EMPTY_SETTINGS, migrateV1ToV2, normalizeSettings, SETTINGS_VERSION, type Settings } from './schema';

export type SaveResult = { synced: true } | { synced: false; reason: string };

export interface SettingsStore {
  load(): Promise<Settings>;
  save(settings: Settings, now?: Date): Promise<SaveResult & { settings: Settings }>;
  /** Calls back with the fresh settings after any change, from this page or another. */
  watch(callback: (settings: Settings) => void): () => void;
}

function defineSettingsItem(key: 'sync:settings' | 'local:settings') {
  return storage.defineItem<Settings>(key, {
    version: SETTINGS_VERSION,
    fallback: EMPTY_SETTINGS,
    migrations: { 2: migrateV1ToV2 },
  });
}

async function readSafely(item: ReturnType<typeof defineSettingsItem>): Promise<Settings | undefined> {
  try {
    return await item.getValue();
  } catch {
    return undefined;
  }
}

/** Creates the store; storage migrations run once, when it is created. */
export function createSettingsStore(): SettingsStore {
  const sync = defineSettingsItem('sync:settings');
  const local = defineSettingsItem('local:settings');

  async function load(): Promise<Settings> {
    const [fromSync, fromLocal] = await Promise.all([readSafely(sync), readSafely(local)]);
    const newest = [fromSync, fromLocal]
      .filter((s): s is Settings => !!s)
      .sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''))[0];
    return normalizeSettings(newest ?? EMPTY_SETTINGS).settings;
  }

  async function save(settings: Settings, now: Date = new Date()) {
    const stamped: Settings = { ...settings, updatedAt: now.toISOString() };
    await local.setValue(stamped);
    try {
      await sync.setValue(stamped);
      return { synced: true as const, settings: stamped };
    } catch (error) {
      const reason = /quota/i.test(String((error as Error)?.message))
        ? 'too large for browser sync'
        : 'browser sync is not available';
      return { synced: false as const, reason, settings: stamped };
    }
  }

  function watch(callback: (settings: Settings) => void) {
    const reload = () => void load().then(callback);
    const stops = [sync.watch(reload), local.watch(reload)];
    return () => stops.forEach((stop) => stop());
  }

  return { load, save, watch };
}

let shared: SettingsStore | undefined;

/** The store pages and the background share. */
export function settingsStore(): SettingsStore {
  shared ??= createSettingsStore();
  return shared;
}
