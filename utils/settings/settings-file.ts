// Import and export of the settings as JSON, so an admin can hand a colleague the same enterprises.
import { migrateV1ToV2, normalizeSettings, SETTINGS_VERSION, type Settings, type SettingsV1 } from './schema';

const FORMAT = 'sso-lens-settings';

export function exportSettings(settings: Settings, now: Date = new Date()): string {
  // The rollout ticks are the admin's own progress; they travel too, so a colleague sees where things stand.
  const { updatedAt: _updatedAt, ...rest } = settings;
  return `${JSON.stringify({ format: FORMAT, version: SETTINGS_VERSION, exportedAt: now.toISOString(), settings: rest }, null, 2)}\n`;
}

export type ImportResult = { ok: true; settings: Settings; problems: string[] } | { ok: false; message: string };

/** Reads an exported file, or a hand-written version 1 list, into settings; never throws. */
export function importSettings(fileText: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(fileText);
  } catch (error) {
    return { ok: false, message: `This file is not JSON (${(error as Error).message}).` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, message: 'Expected a JSON object with an "enterprises" list or an SSO Lens settings export.' };
  }
  const record = data as Record<string, unknown>;
  let version = 1;
  let body: unknown = record;
  if (record.format === FORMAT) {
    version = typeof record.version === 'number' ? record.version : NaN;
    body = record.settings;
  } else if (!Array.isArray(record.enterprises)) {
    return { ok: false, message: 'No "enterprises" list found: this is not an SSO Lens settings file.' };
  }
  if (!Number.isInteger(version) || version < 1) return { ok: false, message: 'The file has no readable version.' };
  if (version > SETTINGS_VERSION) {
    return { ok: false, message: `This file was made by a newer SSO Lens (settings version ${version}); update the extension first.` };
  }
  // A bare list is v1 unless its entries already name their service (a v2 body without the envelope).
  const entries = (body as { enterprises?: unknown[] } | undefined)?.enterprises;
  const isV2Body = Array.isArray(entries) && entries.some((e) => typeof e === 'object' && e !== null && 'service' in e);
  const current = version === 1 && !isV2Body ? migrateV1ToV2(body as SettingsV1) : body;
  const { settings, problems } = normalizeSettings(current);
  if (!settings.enterprises.length && problems.length) {
    return { ok: false, message: `Nothing could be imported: ${problems.join(' ')}` };
  }
  return { ok: true, settings, problems };
}
