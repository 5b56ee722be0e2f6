// Import and export of the settings as JSON, so an admin can hand a colleague the same enterprises.
import { normalizeIdpMetadata, type IdpMetadataMap } from './idp-metadata';
import { migrateV1ToV2, normalizeSettings, SETTINGS_VERSION, type Settings, type SettingsV1 } from './schema';

const FORMAT = 'sso-lens-settings';

/**
 * A settings file holds the saved settings and a few IdP metadata documents (tens of KB each, up to
 * MAX_METADATA_CHARS): larger is not a settings file.
 */
export const MAX_SETTINGS_FILE_BYTES = 8 * 1024 * 1024;

/** Only the metadata of enterprises in the settings: what belongs to a removed enterprise stays behind. */
function metadataOf(settings: Settings, metadata: IdpMetadataMap): IdpMetadataMap {
  const ids = new Set(settings.enterprises.map((e) => e.id));
  return Object.fromEntries(Object.entries(metadata).filter(([id]) => ids.has(id)));
}

/**
 * The settings, and each enterprise's IdP metadata when given: a colleague who imports the file gets the same
 * signature checks, not only the same links.
 */
export function exportSettings(settings: Settings, now: Date = new Date(), idpMetadata: IdpMetadataMap = {}): string {
  // The rollout ticks are the admin's own progress; they travel too, so a colleague sees where things stand.
  const { updatedAt: _updatedAt, ...rest } = settings;
  const metadata = metadataOf(settings, idpMetadata);
  const file = { format: FORMAT, version: SETTINGS_VERSION, exportedAt: now.toISOString(), settings: rest, ...(Object.keys(metadata).length ? { idpMetadata: metadata } : {}) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportResult =
  | { ok: true; settings: Settings; problems: string[]; /** Per imported enterprise id; empty when the file has none. */ idpMetadata: IdpMetadataMap }
  | { ok: false; message: string };

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
  // Checked entry by entry like stored metadata: a damaged document is dropped, the settings still import.
  const idpMetadata = metadataOf(settings, normalizeIdpMetadata(record.format === FORMAT ? record.idpMetadata : undefined));
  return { ok: true, settings, problems, idpMetadata };
}
