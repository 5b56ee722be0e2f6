import { importApiJsonGroups } from './import-api-json';
import { importCsvGroups, parseCsvRows } from './import-csv';
import { importPastedGroups } from './import-paste';
import type { ImportFormat, ImportResult } from './imported-groups';

/**
 * Which reader fits: JSON when the text is an object or array, CSV for a `.csv` file or a first line that is a
 * header with a name column, otherwise one name per line (group names may themselves contain commas).
 */
export function detectImportFormat(text: string, fileName?: string): ImportFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[') || fileName?.toLowerCase().endsWith('.json')) return 'api-json';
  if (fileName?.toLowerCase().endsWith('.csv')) return 'csv';
  const firstLine = start.split(/\r?\n/, 1)[0] ?? '';
  if (/[,;\t]/.test(firstLine)) {
    try {
      const header = parseCsvRows(firstLine)[0]?.map((c) => c.trim().toLowerCase()) ?? [];
      if (header.includes('name') || header.includes('group name') || header.includes('group')) return 'csv';
    } catch {
      // An unclosed quote on the first line: not a CSV header, read it as names.
    }
  }
  return 'paste';
}

/** Reads a group list in the given format, or the detected one. Throws GroupImportError on unreadable input. */
export function importGroupList(text: string, options: { format?: ImportFormat; fileName?: string } = {}): ImportResult {
  const format = options.format ?? detectImportFormat(text, options.fileName);
  if (format === 'api-json') return importApiJsonGroups(text);
  if (format === 'csv') return importCsvGroups(text);
  return importPastedGroups(text);
}
