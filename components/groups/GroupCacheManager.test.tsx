// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GroupStoreError, openGroupStore } from '@/utils/groups/store';
import { GroupCacheManager } from './GroupCacheManager';
import type { GroupsPlatform } from './groups-platform';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const DAY = 86_400_000;

function apiPage(total: number, p: number, ps = 500) {
  const start = (p - 1) * ps;
  const n = Math.max(0, Math.min(ps, total - start));
  return {
    paging: { pageIndex: p, pageSize: ps, total },
    groups: Array.from({ length: n }, (_, i) => ({ id: start + i, name: start + i === 0 ? 'Members' : `G-${start + i}`, default: start + i === 0 })),
  };
}

function makePlatform(overrides: Partial<GroupsPlatform> = {}) {
  const seen = { permissions: [] as string[], urls: [] as string[], auth: [] as string[], remembered: [] as string[], forgotten: [] as string[] };
  const platform: GroupsPlatform = {
    openStore: () => openGroupStore({ now: () => NOW }),
    requestHostPermission: async (origin) => {
      seen.permissions.push(origin);
      return true;
    },
    loadRememberedTokens: async () => ({}),
    rememberToken: async (region, token) => void seen.remembered.push(`${region}:${token}`),
    forgetToken: async (region) => void seen.forgotten.push(region),
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input));
      seen.urls.push(url.href);
      seen.auth.push(new Headers(init?.headers).get('Authorization') ?? '');
      return new Response(JSON.stringify(apiPage(620, Number(url.searchParams.get('p')))), { status: 200 });
    }) as typeof fetch,
    now: () => NOW,
    ...overrides,
  };
  return { platform, seen };
}

async function seed(orgs: Array<{ organization: string; names: string[]; fetchedAt?: number; source?: 'paste' | 'fetch' }>) {
  const store = await openGroupStore({ now: () => NOW });
  for (const o of orgs) {
    await store.replaceOrganization(
      { organization: o.organization, region: 'eu', source: o.source ?? 'paste', fetchedAt: o.fetchedAt ?? NOW },
      o.names.map((name) => ({ name, isDefault: name === 'Members' })),
    );
  }
  store.close();
}

const input = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });
const fetchForm = () => screen.getByRole('form', { name: 'Fetch from SonarQube Cloud' });
const importForm = () => screen.getByRole('form', { name: 'Import a list' });

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => cleanup());

describe('GroupCacheManager', () => {
  it('shows an empty state, then caches a pasted list', async () => {
    render(<GroupCacheManager platform={makePlatform().platform} />);
    expect(await screen.findByText(/No group lists cached yet/)).toBeTruthy();
    const form = importForm();
    input(within(form).getByLabelText('Organization key'), 'acme');
    input(within(form).getByLabelText(/Group names/), 'Developers\nQA-Team\n\nMembers\nDevelopers\n');
    fireEvent.click(within(form).getByRole('button', { name: 'Save to cache' }));
    expect(await within(form).findByText(/Cached 3 groups of acme \(EU\) from the list \(1 duplicate/)).toBeTruthy();
    const item = (await screen.findByText('acme (EU)')).closest('li')!;
    expect(item.textContent).toContain('3 groups · pasted just now');
  });

  it('imports the API JSON from a file and takes the format from it', async () => {
    render(<GroupCacheManager platform={makePlatform().platform} />);
    await screen.findByText(/No group lists cached yet/);
    const form = importForm();
    input(within(form).getByLabelText('Organization key'), 'globex');
    fireEvent.change(within(form).getByLabelText('Region'), { target: { value: 'us' } });
    const file = new File([JSON.stringify(apiPage(3, 1))], 'groups.json', { type: 'application/json' });
    fireEvent.change(within(form).getByLabelText('File'), { target: { files: [file] } });
    await within(form).findByText(/from groups\.json/);
    fireEvent.submit(form);
    expect(await within(form).findByText('Cached 3 groups of globex (US) from the API JSON.')).toBeTruthy();
    expect((await screen.findByText('globex (US)')).closest('li')?.textContent).toContain('imported from API JSON');
  });

  it('explains unreadable input and a missing organization without caching anything', async () => {
    render(<GroupCacheManager platform={makePlatform().platform} />);
    await screen.findByText(/No group lists cached yet/);
    const form = importForm();
    fireEvent.submit(form);
    expect((await within(form).findByRole('alert')).textContent).toBe('Paste group names or choose a file first.');
    input(within(form).getByLabelText(/Group names/), '{"groups": [');
    fireEvent.submit(form);
    expect((await within(form).findByRole('alert')).textContent).toMatch(/not valid JSON/);
    input(within(form).getByLabelText(/Group names/), 'Dev');
    fireEvent.submit(form);
    expect((await within(form).findByRole('alert')).textContent).toBe('Enter the organization key these groups belong to.');
    expect(screen.getByText(/No group lists cached yet/)).toBeTruthy();
  });

  it('lists cached organizations with their age and flags stale ones', async () => {
    await seed([
      { organization: 'acme', names: ['A', 'B'], fetchedAt: NOW - 3 * DAY },
      { organization: 'old-org', names: ['C'], fetchedAt: NOW - 40 * DAY, source: 'fetch' },
    ]);
    render(<GroupCacheManager platform={makePlatform().platform} />);
    const acme = (await screen.findByText('acme (EU)')).closest('li')!;
    expect(acme.textContent).toContain('2 groups · pasted 3 days ago');
    expect(acme.textContent).not.toContain('out of date');
    const old = screen.getByText('old-org (EU)').closest('li')!;
    expect(old.textContent).toContain('1 group · fetched from the API 40 days ago · may be out of date');
  });

  it('inspects a list: searchable, default group marked', async () => {
    await seed([{ organization: 'acme', names: ['Members', 'Developers', 'QA-Team', 'Dev-Ops'] }]);
    render(<GroupCacheManager platform={makePlatform().platform} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Inspect acme (EU)' }));
    const inspector = (await screen.findByRole('heading', { name: 'Groups of acme (EU)' })).closest('section')!;
    expect(within(inspector).getByText('4 groups')).toBeTruthy();
    expect(within(inspector).getByText('Members').parentElement?.textContent).toContain('default group (never synced)');
    input(within(inspector).getByLabelText('Search'), 'DEV');
    expect(await within(inspector).findByText('2 of 4 groups match')).toBeTruthy();
    expect(within(inspector).queryByText('QA-Team')).toBeNull();
    input(within(inspector).getByLabelText('Search'), 'zzz');
    expect(await within(inspector).findByText(/No group name contains “zzz”/)).toBeTruthy();
    fireEvent.click(within(inspector).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Groups of acme (EU)' })).toBeNull());
  });

  it('deletes an organization only after confirmation', async () => {
    await seed([
      { organization: 'acme', names: ['A'] },
      { organization: 'globex', names: ['B'] },
    ]);
    render(<GroupCacheManager platform={makePlatform().platform} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete acme (EU)' }));
    const confirm = screen.getByRole('group', { name: 'Confirm deleting acme (EU)' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Keep' }));
    expect(screen.getByText('acme (EU)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete acme (EU)' }));
    fireEvent.click(within(screen.getByRole('group', { name: 'Confirm deleting acme (EU)' })).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Deleted the cached groups of acme (EU).')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('acme (EU)')).toBeNull());
    expect(screen.getByText('globex (EU)')).toBeTruthy();
    const store = await openGroupStore();
    expect((await store.listOrganizations()).organizations.map((o) => o.organization)).toEqual(['globex']);
    store.close();
  });

  it('refresh of an imported list points to the import form', async () => {
    await seed([{ organization: 'acme', names: ['A'] }]);
    render(<GroupCacheManager platform={makePlatform().platform} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Refresh acme (EU)' }));
    expect(await screen.findByText(/Paste or choose the current list of acme/)).toBeTruthy();
    expect((within(importForm()).getByLabelText('Organization key') as HTMLInputElement).value).toBe('acme');
  });

  it('shows the store error and retries', async () => {
    let attempts = 0;
    const { platform } = makePlatform({
      openStore: async () => {
        attempts += 1;
        if (attempts === 1) throw new GroupStoreError('blocked', 'Close or reload the other SSO Lens pages, then try again.');
        return openGroupStore();
      },
    });
    render(<GroupCacheManager platform={platform} />);
    expect((await screen.findByRole('alert')).textContent).toContain('Close or reload the other SSO Lens pages');
    expect(screen.queryByRole('form', { name: 'Import a list' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/No group lists cached yet/)).toBeTruthy();
  });
});

describe('GroupCacheManager fetch', () => {
  async function submitFetch(org = 'acme', token = 'squ_secret', region?: 'us') {
    await screen.findByText(/No group lists cached yet|\(EU\)|\(US\)/);
    const form = fetchForm();
    input(within(form).getByLabelText('Organization key'), org);
    if (region) fireEvent.change(within(form).getByLabelText('Region'), { target: { value: region } });
    input(within(form).getByLabelText('Token'), token);
    fireEvent.submit(form);
    return form;
  }

  it('asks for the host permission, fetches every page and caches the list without keeping the token', async () => {
    const { platform, seen } = makePlatform();
    render(<GroupCacheManager platform={platform} />);
    const form = await submitFetch();
    expect(await within(form).findByText('Cached 620 groups of acme (EU).')).toBeTruthy();
    expect(seen.permissions).toEqual(['https://sonarcloud.io/*']);
    expect(seen.urls).toEqual([
      'https://sonarcloud.io/api/user_groups/search?organization=acme&p=1&ps=500',
      'https://sonarcloud.io/api/user_groups/search?organization=acme&p=2&ps=500',
    ]);
    expect(seen.auth).toEqual(['Bearer squ_secret', 'Bearer squ_secret']);
    expect(seen.remembered).toEqual([]);
    expect(seen.forgotten).toEqual(['eu']);
    expect((within(form).getByLabelText('Token') as HTMLInputElement).value).toBe('');
    expect((await screen.findByText('acme (EU)')).closest('li')?.textContent).toContain('620 groups · fetched from the API just now');
  });

  it('uses the US host and remembers the token only when asked', async () => {
    const { platform, seen } = makePlatform();
    render(<GroupCacheManager platform={platform} />);
    await screen.findByText(/No group lists cached yet/);
    const form = fetchForm();
    const remember = within(form).getByLabelText(/Remember the token/) as HTMLInputElement;
    expect(remember.checked).toBe(false);
    fireEvent.click(remember);
    await submitFetch('acme', 'squ_keep', 'us');
    expect(await within(form).findByText('Cached 620 groups of acme (US).')).toBeTruthy();
    expect(seen.permissions).toEqual(['https://sonarqube.us/*']);
    expect(seen.urls[0]).toMatch(/^https:\/\/sonarqube\.us\/api\/user_groups\/search/);
    expect(seen.remembered).toEqual(['us:squ_keep']);
  });

  it('shows progress while fetching and can cancel', async () => {
    let release: (() => void) | undefined;
    const { platform } = makePlatform({
      fetch: ((url: string, init?: RequestInit) => {
        const p = Number(new URL(url).searchParams.get('p'));
        if (p === 1) return Promise.resolve(new Response(JSON.stringify(apiPage(1200, 1)), { status: 200 }));
        return new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          release = () => reject(new Error('never'));
        });
      }) as typeof fetch,
    });
    render(<GroupCacheManager platform={platform} />);
    const form = await submitFetch('big');
    expect(await within(form).findByText('Page 1 of 3 · 500 of 1200 groups')).toBeTruthy();
    expect((within(form).getByRole('progressbar') as HTMLProgressElement).value).toBe(1);
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(await within(form).findByText('Fetch cancelled; the cached list of big was left as it was.')).toBeTruthy();
    expect(within(form).queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(screen.getByText(/No group lists cached yet/)).toBeTruthy();
    release?.();
  });

  it.each([
    [401, {}, /refused the token \(401\): it is invalid, expired or revoked/],
    [403, {}, /needs the Administer permission/],
    [404, {}, /Organization "acme" was not found on sonarcloud\.io \(404\)\. Check the organization key/],
    [429, { 'Retry-After': '20' }, /rate limiting requests \(429\)\. Try again in 20 s\./],
  ])('explains HTTP %i', async (status, headers, message) => {
    const { platform } = makePlatform({ fetch: (async () => new Response('{}', { status, headers })) as typeof fetch });
    render(<GroupCacheManager platform={platform} />);
    const form = await submitFetch();
    expect((await within(form).findByRole('alert')).textContent).toMatch(message);
  });

  it('explains a network failure and a declined permission', async () => {
    const failing = makePlatform({ fetch: (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch });
    render(<GroupCacheManager platform={failing.platform} />);
    let form = await submitFetch();
    expect((await within(form).findByRole('alert')).textContent).toMatch(/Could not reach sonarcloud\.io/);
    cleanup();

    const fetchSpy = vi.fn();
    const declined = makePlatform({ requestHostPermission: async () => false, fetch: fetchSpy as unknown as typeof fetch });
    render(<GroupCacheManager platform={declined.platform} />);
    form = await submitFetch();
    expect((await within(form).findByRole('alert')).textContent).toMatch(/needs access to sonarcloud\.io.*not granted/);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('refreshes a fetched organization in one click with a remembered token', async () => {
    await seed([{ organization: 'acme', names: ['Old'], source: 'fetch', fetchedAt: NOW - 10 * DAY }]);
    const { platform, seen } = makePlatform({ loadRememberedTokens: async () => ({ eu: 'squ_saved' }) });
    render(<GroupCacheManager platform={platform} />);
    const row = (await screen.findByText('acme (EU)')).closest('li')!;
    await waitFor(() => expect((within(fetchForm()).getByLabelText('Token') as HTMLInputElement).value).toBe('squ_saved'));
    fireEvent.click(within(row).getByRole('button', { name: 'Refresh acme (EU)' }));
    await waitFor(() => expect(screen.getByText('acme (EU)').closest('li')?.textContent).toContain('620 groups · fetched from the API just now'));
    expect(seen.auth[0]).toBe('Bearer squ_saved');
    expect(seen.permissions).toEqual(['https://sonarcloud.io/*']);
  });
});
