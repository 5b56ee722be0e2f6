import { readGroupsSearchPage, groupFromApi } from './import-api-json';
import { collectGroups, GroupImportError, type ImportedGroup } from './imported-groups';
import type { GroupRegion } from './schema';

/** SonarQube Cloud's hosts per region; the web API lives under `/api` on the same host. */
export const SERVICE_ORIGINS: Record<GroupRegion, string> = {
  eu: 'https://sonarcloud.io',
  us: 'https://sonarqube.us',
};

export const PAGE_SIZE = 500;
const DEFAULT_TIMEOUT_MS = 30_000;
// A safety stop: 200 pages of 500 is 100,000 groups, far beyond any real organization.
const MAX_PAGES = 200;

export type FetchGroupsErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'bad-response'
  | 'http'
  | 'invalid';

export class FetchGroupsError extends Error {
  override name = 'FetchGroupsError';
  constructor(
    readonly code: FetchGroupsErrorCode,
    message: string,
    readonly details: { status?: number; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
  }
}

export interface FetchProgress {
  /** Pages done so far, and the page count once the first page told the total. */
  page: number;
  pages: number;
  received: number;
  total: number;
}

export interface FetchGroupsOptions {
  organization: string;
  region: GroupRegion;
  /** A user token; sent as `Authorization: Bearer`, never stored here. */
  token: string;
  signal?: AbortSignal;
  onProgress?: (progress: FetchProgress) => void;
  /** Per request. */
  timeoutMs?: number;
  /** For tests only: a local server instead of the service. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

export interface FetchedGroups {
  organization: string;
  region: GroupRegion;
  groups: ImportedGroup[];
  total: number;
}

/** Seconds to wait from a Retry-After header: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function statusError(response: Response, organization: string, host: string): FetchGroupsError {
  const status = response.status;
  switch (status) {
    case 401:
      return new FetchGroupsError(
        'unauthorized',
        `${host} refused the token (401): it is invalid, expired or revoked. Create a new token under My Account > Security and try again.`,
        { status },
      );
    case 403:
      return new FetchGroupsError(
        'forbidden',
        `The token's user may not list the groups of "${organization}" (403): listing groups needs the Administer permission on the organization.`,
        { status },
      );
    case 404:
      return new FetchGroupsError(
        'not-found',
        `Organization "${organization}" was not found on ${host} (404). Check the organization key (as in the organization's URL, not its display name) and the region.`,
        { status },
      );
    case 429: {
      const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
      const wait = retryAfterSeconds !== undefined ? ` Try again in ${retryAfterSeconds} s.` : ' Wait a minute and try again.';
      return new FetchGroupsError('rate-limited', `${host} is rate limiting requests (429).${wait}`, { status, retryAfterSeconds });
    }
    default:
      return new FetchGroupsError(
        'http',
        status >= 500
          ? `${host} had a server error (${status}). Try again later.`
          : `${host} answered ${status} ${response.statusText}`.trim() + '.',
        { status },
      );
  }
}

/**
 * Fetches every page of `GET /api/user_groups/search` for one organization, one page at a time (pages =
 * ceil(total / 500)), reporting progress. Throws FetchGroupsError with a message for the user.
 */
export async function fetchOrganizationGroups(options: FetchGroupsOptions): Promise<FetchedGroups> {
  const organization = options.organization.trim();
  const token = options.token.trim();
  if (!organization) throw new FetchGroupsError('invalid', 'Enter the organization key.');
  if (!token) throw new FetchGroupsError('invalid', 'Enter a user token of an organization administrator.');
  if (/\s/.test(organization)) {
    throw new FetchGroupsError('invalid', `"${organization}" is not an organization key: keys have no spaces (see the organization's URL).`);
  }
  const base = (options.baseUrl ?? SERVICE_ORIGINS[options.region]).replace(/\/+$/, '');
  const host = options.baseUrl ? new URL(base).host : new URL(base).hostname;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const collected: ImportedGroup[] = [];
  let total = 0;
  let pages = 1;
  for (let page = 1; page <= pages; page += 1) {
    const url = `${base}/api/user_groups/search?organization=${encodeURIComponent(organization)}&p=${page}&ps=${PAGE_SIZE}`;
    const body = await requestJson(doFetch, url, token, { signal: options.signal, timeoutMs, organization, host });
    let parsed;
    try {
      parsed = readGroupsSearchPage(body, `Page ${page} from ${host}`);
    } catch (error) {
      const detail = error instanceof GroupImportError ? error.message : String(error);
      throw new FetchGroupsError('bad-response', `${host} sent an unexpected answer: ${detail}`, { cause: error });
    }
    if (page === 1) {
      total = parsed.paging?.total ?? parsed.groups.length;
      // The server's own page size, in case it caps `ps` below what was asked.
      const size = parsed.paging?.pageSize && parsed.paging.pageSize > 0 ? parsed.paging.pageSize : PAGE_SIZE;
      pages = Math.min(Math.max(1, Math.ceil(total / size)), MAX_PAGES);
    }
    collected.push(...parsed.groups.map(groupFromApi));
    options.onProgress?.({ page, pages, received: collected.length, total });
    // An empty page means the list ended early (groups deleted while paging).
    if (!parsed.groups.length) break;
  }
  const { groups } = collectGroups(collected);
  return { organization, region: options.region, groups, total };
}

async function requestJson(
  doFetch: typeof fetch,
  url: string,
  token: string,
  context: { signal?: AbortSignal; timeoutMs: number; organization: string; host: string },
): Promise<unknown> {
  const { signal, timeoutMs, organization, host } = context;
  if (signal?.aborted) throw new FetchGroupsError('cancelled', 'The fetch was cancelled.');
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const failure = (error: unknown): FetchGroupsError => {
    if (signal?.aborted) return new FetchGroupsError('cancelled', 'The fetch was cancelled.', { cause: error });
    if (timedOut) {
      return new FetchGroupsError(
        'timeout',
        `${host} did not answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}. Check your connection and try again.`,
        { cause: error },
      );
    }
    return new FetchGroupsError(
      'network',
      `Could not reach ${host}: the network is down, the host is blocked, or the extension lacks permission for it.`,
      { cause: error },
    );
  };
  try {
    let response: Response;
    try {
      response = await doFetch(url, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (error) {
      throw failure(error);
    }
    if (!response.ok) throw statusError(response, organization, host);
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw failure(error);
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new FetchGroupsError(
        'bad-response',
        `${host} did not answer with JSON (a sign-in page or a proxy in between?).`,
        { status: response.status, cause: error },
      );
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
