import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchOrganizationGroups, FetchGroupsError, parseRetryAfter, type FetchProgress } from './fetch-groups';

const TOKEN = 'squ_test_token';
const requests: Array<{ url: string; authorization?: string }> = [];

function page(total: number, p: number, ps: number, prefix = 'Team') {
  const start = (p - 1) * ps;
  const count = Math.max(0, Math.min(ps, total - start));
  return {
    paging: { pageIndex: p, pageSize: ps, total },
    groups: Array.from({ length: count }, (_, i) => {
      const n = start + i;
      return n === 0 ? { id: 1, name: 'Members', membersCount: 10, default: true } : { id: n + 1, name: `${prefix}-${n}`, default: false };
    }),
  };
}

function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  requests.push({ url: url.pathname + url.search, authorization: req.headers.authorization });
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  if (url.pathname !== '/api/user_groups/search') return json(404, { errors: [{ msg: 'Unknown url' }] });
  if (req.headers.authorization !== `Bearer ${TOKEN}`) return json(401, { errors: [{ msg: 'Unauthorized' }] });
  const org = url.searchParams.get('organization');
  const p = Number(url.searchParams.get('p'));
  const ps = Number(url.searchParams.get('ps'));
  switch (org) {
    case 'big-org':
      return json(200, page(1203, p, ps));
    case 'small-org':
      return json(200, page(3, p, ps));
    case 'capped-org':
      // A server that caps the page size at 100.
      return json(200, page(250, p, 100));
    case 'no-admin':
      return json(403, { errors: [{ msg: 'Insufficient privileges' }] });
    case 'busy':
      return json(429, {}, { 'Retry-After': '30' });
    case 'busy-no-header':
      return json(429, {});
    case 'broken':
      return json(500, {});
    case 'html':
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return res.end('<html>Sign in</html>');
    case 'wrong-shape':
      return json(200, { users: [] });
    case 'slow':
      // Never answers; the client must time out or cancel.
      return;
    case 'slow-second-page':
      if (p === 1) return json(200, page(700, 1, ps));
      return;
    default:
      return json(404, { errors: [{ msg: `No organization with key '${org}'` }] });
  }
}

let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const fetchFrom = (organization: string, extra: Partial<Parameters<typeof fetchOrganizationGroups>[0]> = {}) =>
  fetchOrganizationGroups({ organization, region: 'eu', token: TOKEN, baseUrl, ...extra });

async function failure(promise: Promise<unknown>): Promise<FetchGroupsError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(FetchGroupsError);
  return error as FetchGroupsError;
}

describe('fetchOrganizationGroups', () => {
  it('fetches every page with the token as a Bearer header and reports progress', async () => {
    requests.length = 0;
    const progress: FetchProgress[] = [];
    const result = await fetchFrom('big-org', { onProgress: (p) => progress.push(p) });
    expect(result.total).toBe(1203);
    expect(result.groups).toHaveLength(1203);
    expect(result.groups[0]).toEqual({ name: 'Members', membersCount: 10, isDefault: true });
    expect(result.groups.at(-1)?.name).toBe('Team-1202');
    expect(requests.map((r) => r.url)).toEqual([
      '/api/user_groups/search?organization=big-org&p=1&ps=500',
      '/api/user_groups/search?organization=big-org&p=2&ps=500',
      '/api/user_groups/search?organization=big-org&p=3&ps=500',
    ]);
    expect(requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(progress).toEqual([
      { page: 1, pages: 3, received: 500, total: 1203 },
      { page: 2, pages: 3, received: 1000, total: 1203 },
      { page: 3, pages: 3, received: 1203, total: 1203 },
    ]);
  });

  it('makes one request for a small organization', async () => {
    requests.length = 0;
    const result = await fetchFrom('small-org');
    expect(result.groups.map((g) => g.name)).toEqual(['Members', 'Team-1', 'Team-2']);
    expect(requests).toHaveLength(1);
  });

  it('follows the page size the server actually uses', async () => {
    const result = await fetchFrom('capped-org');
    expect(result.groups).toHaveLength(250);
  });

  it('encodes the organization key in the URL', async () => {
    requests.length = 0;
    await failure(fetchFrom('a&b=c'));
    expect(requests[0]?.url).toContain('organization=a%26b%3Dc&p=1');
  });

  it('explains a refused token (401)', async () => {
    const error = await failure(fetchFrom('big-org', { token: 'expired' }));
    expect(error.code).toBe('unauthorized');
    expect(error.message).toMatch(/invalid, expired or revoked/);
  });

  it('explains a missing permission (403)', async () => {
    const error = await failure(fetchFrom('no-admin'));
    expect(error).toMatchObject({ code: 'forbidden', details: { status: 403 } });
    expect(error.message).toMatch(/needs the Administer permission/);
  });

  it('explains an unknown organization (404)', async () => {
    const error = await failure(fetchFrom('nope'));
    expect(error.code).toBe('not-found');
    expect(error.message).toMatch(/Organization "nope" was not found.*Check the organization key/);
  });

  it('explains rate limiting with and without Retry-After (429)', async () => {
    const withHeader = await failure(fetchFrom('busy'));
    expect(withHeader).toMatchObject({ code: 'rate-limited', details: { retryAfterSeconds: 30 } });
    expect(withHeader.message).toMatch(/Try again in 30 s/);
    expect((await failure(fetchFrom('busy-no-header'))).message).toMatch(/Wait a minute/);
  });

  it('explains server errors and answers that are not the API', async () => {
    expect((await failure(fetchFrom('broken'))).message).toMatch(/server error \(500\)/);
    expect(await failure(fetchFrom('html'))).toMatchObject({ code: 'bad-response' });
    expect((await failure(fetchFrom('wrong-shape'))).message).toMatch(/unexpected answer.*"groups" array/);
  });

  it('times out a request that never answers', async () => {
    const error = await failure(fetchFrom('slow', { timeoutMs: 150 }));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/did not answer within 150 ms/);
  });

  it('cancels on the signal, even between pages', async () => {
    const controller = new AbortController();
    const pending = fetchFrom('slow-second-page', {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.page === 1) setTimeout(() => controller.abort(), 50);
      },
    });
    expect(await failure(pending)).toMatchObject({ code: 'cancelled' });
    expect((await failure(fetchFrom('big-org', { signal: AbortSignal.abort() }))).code).toBe('cancelled');
  });

  it('reports an unreachable host as a network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(fetchOrganizationGroups({ organization: 'x', region: 'us', token: TOKEN, baseUrl: `http://127.0.0.1:${port}` }));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/Could not reach 127\.0\.0\.1/);
  });

  it('checks its input before any request', async () => {
    requests.length = 0;
    expect((await failure(fetchFrom(' '))).message).toBe('Enter the organization key.');
    expect((await failure(fetchFrom('big-org', { token: '' }))).code).toBe('invalid');
    expect((await failure(fetchFrom('My Org'))).message).toMatch(/no spaces/);
    expect(requests).toEqual([]);
  });

  it('uses the region host by default', async () => {
    const seen: string[] = [];
    const fake = (async (url: string) => {
      seen.push(url);
      return new Response(JSON.stringify(page(1, 1, 500)), { status: 200 });
    }) as typeof fetch;
    await fetchOrganizationGroups({ organization: 'o', region: 'eu', token: 't', fetch: fake });
    await fetchOrganizationGroups({ organization: 'o', region: 'us', token: 't', fetch: fake });
    expect(seen).toEqual([
      'https://sonarcloud.io/api/user_groups/search?organization=o&p=1&ps=500',
      'https://sonarqube.us/api/user_groups/search?organization=o&p=1&ps=500',
    ]);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(30);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
