import { collectGroups, isDefaultGroupName, type ImportResult } from './imported-groups';

/** A pasted list: one group name per line; blank lines skipped, case kept, exact duplicates kept once. */
export function importPastedGroups(text: string): ImportResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const { groups, duplicates } = collectGroups(
    lines.map((line) => ({ name: line, isDefault: isDefaultGroupName(line.trim()) })),
  );
  return { format: 'paste', groups, duplicates, warnings: [] };
}
