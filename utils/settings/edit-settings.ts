// The edits the options page makes, as pure functions so the rules (a removed default falls back, order is kept)
// are tested without a page.
import type { Enterprise, Settings } from './schema';

/** Adds a new enterprise at the end or replaces the one with the same id in place. */
export function upsertEnterprise(settings: Settings, enterprise: Enterprise): Settings {
  const exists = settings.enterprises.some((e) => e.id === enterprise.id);
  const enterprises = exists
    ? settings.enterprises.map((e) => (e.id === enterprise.id ? enterprise : e))
    : [...settings.enterprises, enterprise];
  // The first enterprise becomes the default so the shortcut works at once.
  return { ...settings, enterprises, defaultId: settings.defaultId ?? enterprises[0]?.id };
}

export function removeEnterprise(settings: Settings, id: string): Settings {
  const enterprises = settings.enterprises.filter((e) => e.id !== id);
  const defaultId = settings.defaultId === id ? enterprises[0]?.id : settings.defaultId;
  return { ...settings, enterprises, defaultId };
}

/** Moves an enterprise by `delta` places, stopping at either end. */
export function moveEnterprise(settings: Settings, id: string, delta: number): Settings {
  const from = settings.enterprises.findIndex((e) => e.id === id);
  if (from < 0) return settings;
  const to = Math.max(0, Math.min(settings.enterprises.length - 1, from + delta));
  if (to === from) return settings;
  const enterprises = [...settings.enterprises];
  const [moved] = enterprises.splice(from, 1);
  enterprises.splice(to, 0, moved!);
  return { ...settings, enterprises };
}

export function setDefaultEnterprise(settings: Settings, id: string): Settings {
  return settings.enterprises.some((e) => e.id === id) ? { ...settings, defaultId: id } : settings;
}
