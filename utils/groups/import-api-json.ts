import {
  collectGroups,
  GroupImportError,
  isDefaultGroupName,
  type ImportedGroup,
  type ImportResult,
} from './imported-groups';

/** One page of `GET /api/user_groups/search`, as far as SSO Lens reads it. */
export interface GroupsSearchPage {
  paging?: { pageIndex?: number; pageSize?: number; total?: number };
  groups: Array<{ id?: number | string; name: string; description?: string; membersCount?: number; default?: boolean }>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks one page's shape; `where` names the page in messages ("page 2"). */
export function readGroupsSearchPage(value: unknown, where = 'The JSON'): GroupsSearchPage {
  if (!isRecord(value) || !Array.isArray(value.groups)) {
    throw new GroupImportError(
      `${where} is not a user_groups/search response: expected an object with a "groups" array.`,
    );
  }
  const groups: GroupsSearchPage['groups'] = [];
  value.groups.forEach((item, index) => {
    if (!isRecord(item) || typeof item.name !== 'string') {
      throw new GroupImportError(`${where}: group #${index + 1} has no "name" text.`);
    }
    groups.push({
      id: typeof item.id === 'number' || typeof item.id === 'string' ? item.id : undefined,
      name: item.name,
      description: typeof item.description === 'string' ? item.description : undefined,
      membersCount: typeof item.membersCount === 'number' ? item.membersCount : undefined,
      default: item.default === true,
    });
  });
  const paging = isRecord(value.paging) ? value.paging : undefined;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  return {
    paging: paging && {
      pageIndex: num(paging.pageIndex),
      pageSize: num(paging.pageSize),
      total: num(paging.total),
    },
    groups,
  };
}

export function groupFromApi(item: GroupsSearchPage['groups'][number]): ImportedGroup {
  const group: ImportedGroup = { name: item.name, isDefault: item.default === true || isDefaultGroupName(item.name.trim()) };
  if (item.description) group.description = item.description;
  if (item.membersCount !== undefined) group.membersCount = item.membersCount;
  return group;
}

/**
 * Merges pages of `GET /api/user_groups/search`: the parsed JSON of one page, or an array of pages (as saved
 * from several requests). Warns when `paging.total` says groups are missing.
 */
export function importGroupsSearchPages(value: unknown): ImportResult {
  const pages = Array.isArray(value)
    ? value.map((page, i) => readGroupsSearchPage(page, `Page ${i + 1} of the JSON`))
    : [readGroupsSearchPage(value)];
  if (!pages.length) throw new GroupImportError('The JSON is an empty array: no pages of groups.');
  const { groups, duplicates } = collectGroups(pages.flatMap((page) => page.groups.map(groupFromApi)));
  const warnings: string[] = [];
  const total = Math.max(...pages.map((p) => p.paging?.total ?? 0));
  if (total > groups.length) {
    const size = pages[0]?.paging?.pageSize;
    const missing = size ? ` (about ${Math.ceil(total / size) - pages.length} page(s) missing)` : '';
    warnings.push(
      `The organization has ${total} groups but the JSON holds ${groups.length}${missing}; parity will treat the missing ones as unknown.`,
    );
  }
  const organization = isRecord(value) && typeof value.organization === 'string' ? value.organization : undefined;
  return { format: 'api-json', groups, duplicates, warnings, ...(organization ? { organization } : {}) };
}

/** Reads the JSON text of one page or an array of pages. */
export function importApiJsonGroups(text: string): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new GroupImportError(`The file is not valid JSON: ${(error as Error).message}`);
  }
  return importGroupsSearchPages(value);
}
