import sonarqubeCloud from '../profiles/sonarqube-cloud';

/** One group as read from a paste, a CSV, the API's JSON or a fetch, before it is cached. */
export interface ImportedGroup {
  name: string;
  description?: string;
  membersCount?: number;
  isDefault: boolean;
}

export type ImportFormat = 'paste' | 'csv' | 'api-json';

export interface ImportResult {
  format: ImportFormat;
  groups: ImportedGroup[];
  /** Names seen more than once (kept once). */
  duplicates: string[];
  /** Things worth telling the user that did not stop the import (e.g. pages missing from a JSON export). */
  warnings: string[];
  /** The organization named in the input, when the input names one. */
  organization?: string;
}

/** Thrown for input that cannot be read as a group list; the message is meant for the user. */
export class GroupImportError extends Error {
  override name = 'GroupImportError';
}

// SonarQube Cloud's default group: every member is in it and group sync never adds to or removes from it.
export const DEFAULT_GROUP_NAME = sonarqubeCloud.expects.defaultGroup ?? 'Members';

export function isDefaultGroupName(name: string): boolean {
  return name === DEFAULT_GROUP_NAME;
}

/**
 * Keeps the first of each exact (case-sensitive) name, as the service does: "Dev" and "dev" are two groups.
 * Names are trimmed and blanks dropped.
 */
export function collectGroups(candidates: Iterable<ImportedGroup>): { groups: ImportedGroup[]; duplicates: string[] } {
  const byName = new Map<string, ImportedGroup>();
  const duplicates = new Set<string>();
  for (const candidate of candidates) {
    const name = candidate.name.trim();
    if (!name) continue;
    if (byName.has(name)) {
      duplicates.add(name);
      continue;
    }
    byName.set(name, { ...candidate, name });
  }
  return { groups: [...byName.values()], duplicates: [...duplicates] };
}
