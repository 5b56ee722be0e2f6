import {
  collectGroups,
  GroupImportError,
  isDefaultGroupName,
  type ImportedGroup,
  type ImportResult,
} from './imported-groups';

const NAME_HEADERS = ['name', 'group name', 'groupname', 'group', 'display name', 'displayname'];
const DESCRIPTION_HEADERS = ['description'];
const MEMBERS_HEADERS = ['memberscount', 'members count', 'members'];
const DEFAULT_HEADERS = ['default', 'isdefault'];
const KNOWN_HEADERS = new Set([...NAME_HEADERS, ...DESCRIPTION_HEADERS, ...MEMBERS_HEADERS, ...DEFAULT_HEADERS, 'id']);

/**
 * Splits CSV text into rows (RFC 4180: quoted fields, "" for a quote, line breaks inside quotes).
 * The delimiter is the one of `,` `;` tab that occurs most on the first line outside quotes, since
 * spreadsheets in many locales export with `;`.
 */
export function parseCsvRows(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, '');
  const delimiter = guessDelimiter(source);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (ch === '\r' && source[i + 1] === '\n') i += 1;
    } else {
      field += ch;
    }
    i += 1;
  }
  if (quoted) throw new GroupImportError('The CSV has a quoted field that is never closed (a missing ").');
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

function guessDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]! += 1;
  }
  const [best, count] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return count > 0 ? best : ',';
}

function findColumn(header: string[], names: string[]): number {
  for (const name of names) {
    const index = header.indexOf(name);
    if (index >= 0) return index;
  }
  return -1;
}

/**
 * A CSV of groups: with a header row, the `name` column (or `group`, `display name`…) else the first column;
 * `description`, `membersCount` and `default` columns are read when present. Without a header, the first
 * column holds the names.
 */
export function importCsvGroups(text: string): ImportResult {
  const rows = parseCsvRows(text);
  if (!rows.length) throw new GroupImportError('The CSV is empty: no group names found.');
  const first = rows[0]!.map((cell) => cell.trim().toLowerCase());
  const hasHeader = first.some((cell) => KNOWN_HEADERS.has(cell));
  const header = hasHeader ? first : [];
  const nameColumn = hasHeader ? Math.max(findColumn(header, NAME_HEADERS), 0) : 0;
  const descriptionColumn = findColumn(header, DESCRIPTION_HEADERS);
  const membersColumn = findColumn(header, MEMBERS_HEADERS);
  const defaultColumn = findColumn(header, DEFAULT_HEADERS);
  const warnings: string[] = [];

  const candidates: ImportedGroup[] = [];
  for (const row of hasHeader ? rows.slice(1) : rows) {
    const name = (row[nameColumn] ?? '').trim();
    if (!name) continue;
    const group: ImportedGroup = { name, isDefault: isDefaultGroupName(name) };
    const description = descriptionColumn >= 0 ? row[descriptionColumn]?.trim() : undefined;
    if (description) group.description = description;
    const members = membersColumn >= 0 ? row[membersColumn]?.trim() : undefined;
    if (members && /^\d+$/.test(members)) group.membersCount = Number(members);
    const flag = defaultColumn >= 0 ? row[defaultColumn]?.trim().toLowerCase() : undefined;
    if (flag === 'true' || flag === 'yes' || flag === '1') group.isDefault = true;
    candidates.push(group);
  }
  if (hasHeader && findColumn(header, NAME_HEADERS) < 0) {
    warnings.push(`No "name" column in the header; names were read from the first column ("${rows[0]![0]?.trim()}").`);
  }
  const { groups, duplicates } = collectGroups(candidates);
  if (!groups.length) throw new GroupImportError('The CSV has no group names in its name column.');
  return { format: 'csv', groups, duplicates, warnings };
}
