import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createVersion1, GROUPS_DB_NAME, type GroupsDB } from './schema';
import { GroupStoreError, openGroupStore, type GroupStore } from './store';

const groups = (...names: string[]) => names.map((name) => ({ name, isDefault: name === 'Members' }));
const acme = { region: 'eu' as const, organization: 'acme', source: 'paste' as const };

let stores: GroupStore[] = [];
async function open(now = () => 1_700_000_000_000) {
  const store = await openGroupStore({ now });
  stores.push(store);
  return store;
}

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  stores.forEach((s) => s.close());
  stores = [];
  vi.restoreAllMocks();
});

describe('GroupStore', () => {
  it('caches an organization list and lists it with its count', async () => {
    const store = await open();
    const saved = await store.replaceOrganization(acme, groups('Members', 'Developers', 'QA'));
    expect(saved).toMatchObject({ key: 'sonarqube-cloud:eu:acme', groupCount: 3, fetchedAt: 1_700_000_000_000, source: 'paste' });
    const listing = await store.listOrganizations();
    expect(listing.unreadable).toEqual([]);
    expect(listing.organizations).toEqual([
      { key: 'sonarqube-cloud:eu:acme', service: 'sonarqube-cloud', region: 'eu', organization: 'acme', fetchedAt: 1_700_000_000_000, source: 'paste', groupCount: 3 },
    ]);
    const list = await store.getOrganizationGroups('sonarqube-cloud:eu:acme');
    expect(list?.groups.map((g) => [g.name, g.isDefault])).toEqual([
      ['Developers', false],
      ['Members', true],
      ['QA', false],
    ]);
  });

  it('replaces a list instead of merging, and keeps other organizations', async () => {
    const store = await open();
    await store.replaceOrganization(acme, groups('Old', 'Shared'));
    await store.replaceOrganization({ ...acme, organization: 'acmex' }, groups('Other'));
    await store.replaceOrganization({ ...acme, region: 'us' }, groups('US-only'));
    await store.replaceOrganization(acme, groups('Shared', 'New'));
    expect((await store.getOrganizationGroups('sonarqube-cloud:eu:acme'))?.groups.map((g) => g.name)).toEqual(['New', 'Shared']);
    expect((await store.getOrganizationGroups('sonarqube-cloud:eu:acmex'))?.groups.map((g) => g.name)).toEqual(['Other']);
    expect((await store.getOrganizationGroups('sonarqube-cloud:us:acme'))?.groups.map((g) => g.name)).toEqual(['US-only']);
  });

  it('finds groups by exact and by case-folded name', async () => {
    const store = await open();
    await store.replaceOrganization(acme, groups('Developers'));
    await store.replaceOrganization({ ...acme, organization: 'globex' }, groups('developers'));
    expect((await store.findGroups('Developers')).map((g) => g.orgKey)).toEqual(['sonarqube-cloud:eu:acme']);
    expect((await store.findGroups('DEVELOPERS', { folded: true })).map((g) => g.name).sort()).toEqual(['Developers', 'developers']);
  });

  it('deletes one organization and its groups', async () => {
    const store = await open();
    await store.replaceOrganization(acme, groups('A', 'B'));
    await store.replaceOrganization({ ...acme, organization: 'globex' }, groups('C'));
    await store.deleteOrganization('sonarqube-cloud:eu:acme');
    expect((await store.listOrganizations()).organizations.map((o) => o.organization)).toEqual(['globex']);
    expect(await store.findGroups('A')).toEqual([]);
    expect(await store.getOrganizationGroups('sonarqube-cloud:eu:acme')).toBeUndefined();
  });

  it('gives the analysis its OrgGroups', async () => {
    const store = await open();
    await store.replaceOrganization(acme, [{ name: 'Members', isDefault: true, membersCount: 4 }, { name: 'Dev', isDefault: false }]);
    expect(await store.loadOrgGroups()).toEqual([
      { organization: 'acme', groups: [{ name: 'Dev' }, { name: 'Members', isDefault: true, membersCount: 4 }] },
    ]);
  });

  it('refuses an empty list or a missing organization without touching the cache', async () => {
    const store = await open();
    await store.replaceOrganization(acme, groups('Keep'));
    await expect(store.replaceOrganization(acme, groups(' ', ''))).rejects.toMatchObject({ code: 'invalid' });
    await expect(store.replaceOrganization({ ...acme, organization: '  ' }, groups('X'))).rejects.toThrow(/organization key/);
    expect((await store.getOrganizationGroups('sonarqube-cloud:eu:acme'))?.groups.map((g) => g.name)).toEqual(['Keep']);
  });

  it('keeps the previous list when the quota runs out halfway through a replace', async () => {
    const store = await open();
    await store.replaceOrganization(acme, groups('Old-1', 'Old-2'));
    const realPut = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      calls += 1;
      // The organization record and two groups are written, then the disk is full.
      if (calls > 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    const failure = store.replaceOrganization(acme, groups('New-1', 'New-2', 'New-3', 'New-4'));
    await expect(failure).rejects.toBeInstanceOf(GroupStoreError);
    await expect(failure).rejects.toMatchObject({ code: 'quota', message: expect.stringMatching(/previously cached list was kept/) });
    vi.restoreAllMocks();
    expect((await store.getOrganizationGroups('sonarqube-cloud:eu:acme'))?.groups.map((g) => g.name)).toEqual(['Old-1', 'Old-2']);
    expect(await store.findGroups('New-1')).toEqual([]);
  });

  it('maps a transaction that the browser aborts for quota to the quota error', async () => {
    const store = await open();
    await store.replaceOrganization(acme, groups('Old'));
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = realPut.apply(this, args);
      // What browsers do when the disk fills at commit: the transaction aborts with QuotaExceededError.
      const tx = this.transaction as IDBTransaction & { error: DOMException | null };
      Object.defineProperty(tx, 'error', { value: new DOMException('full', 'QuotaExceededError'), configurable: true });
      tx.abort();
      return request;
    });
    await expect(store.replaceOrganization(acme, groups('New'))).rejects.toMatchObject({ code: 'quota' });
    vi.restoreAllMocks();
    expect((await store.getOrganizationGroups('sonarqube-cloud:eu:acme'))?.groups.map((g) => g.name)).toEqual(['Old']);
  });

  it('skips and reports unreadable records without deleting them', async () => {
    const store = await open();
    await store.replaceOrganization(acme, groups('Good'));
    store.close();
    const raw = await openDB<GroupsDB>(GROUPS_DB_NAME);
    await raw.put('organizations', { key: 'broken', organization: 'x', region: 'mars' } as never);
    await raw.put('groups', { orgKey: 'sonarqube-cloud:eu:acme', name: 42, nameFolded: 'x' } as never);
    raw.close();

    const reopened = await open();
    const listing = await reopened.listOrganizations();
    expect(listing.organizations.map((o) => o.key)).toEqual(['sonarqube-cloud:eu:acme']);
    expect(listing.unreadable).toEqual([{ store: 'organizations', key: 'broken', reason: 'unknown region "mars"' }]);
    const list = await reopened.getOrganizationGroups('sonarqube-cloud:eu:acme');
    expect(list?.groups.map((g) => g.name)).toEqual(['Good']);
    expect(list?.unreadable).toEqual([{ store: 'groups', key: '["sonarqube-cloud:eu:acme",42]', reason: 'no group name' }]);
    // Still there: nothing was thrown away.
    const check = await openDB<GroupsDB>(GROUPS_DB_NAME);
    expect(await check.count('organizations')).toBe(2);
    check.close();
  });

  it('explains an unreadable organization record when asked for its groups', async () => {
    const store = await open();
    store.close();
    const raw = await openDB<GroupsDB>(GROUPS_DB_NAME);
    await raw.put('organizations', { key: 'broken', organization: '' } as never);
    raw.close();
    await expect((await open()).getOrganizationGroups('broken')).rejects.toThrow(/unreadable \(no organization name\)/);
  });

  it('refuses a database written by a newer version and leaves it alone', async () => {
    const newer = await openDB(GROUPS_DB_NAME, 3, { upgrade: (db) => void db.createObjectStore('future') });
    newer.close();
    await expect(openGroupStore()).rejects.toMatchObject({ code: 'newer-version' });
    const check = await openDB(GROUPS_DB_NAME);
    expect(check.version).toBe(3);
    expect([...check.objectStoreNames]).toEqual(['future']);
    check.close();
  });

  it('reports no IndexedDB clearly', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error: simulating a context without IndexedDB
    delete globalThis.indexedDB;
    try {
      await expect(openGroupStore()).rejects.toMatchObject({ code: 'unavailable' });
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});

describe('schema upgrade', () => {
  async function createVersion1WithData() {
    const v1 = await openDB<GroupsDB>(GROUPS_DB_NAME, 1, { upgrade: (db) => createVersion1(db) });
    await v1.put('organizations', { key: 'sonarqube-cloud:eu:acme', service: 'sonarqube-cloud', region: 'eu', organization: 'acme', fetchedAt: 1, source: 'csv' });
    // Version 1 records had no nameFolded.
    for (const name of ['Developers', 'QA-Team', 'Members']) {
      await v1.put('groups', { orgKey: 'sonarqube-cloud:eu:acme', name, isDefault: name === 'Members' } as never);
    }
    await v1.put('groups', { orgKey: 'sonarqube-cloud:eu:acme', name: 7 } as never);
    return v1;
  }

  it('upgrades version 1 to 2 keeping every record and filling the case-folded index', async () => {
    (await createVersion1WithData()).close();
    const store = await open();
    const listing = await store.listOrganizations();
    expect(listing.organizations).toMatchObject([{ organization: 'acme', source: 'csv', groupCount: 4 }]);
    expect((await store.findGroups('qa-team', { folded: true })).map((g) => g.name)).toEqual(['QA-Team']);
    expect((await store.findGroups('DEVELOPERS', { folded: true })).map((g) => g.nameFolded)).toEqual(['developers']);
    const list = await store.getOrganizationGroups('sonarqube-cloud:eu:acme');
    expect(list?.groups.map((g) => g.name)).toEqual(['Developers', 'Members', 'QA-Team']);
    expect(list?.unreadable).toHaveLength(1);
    store.close();
    const check = await openDB(GROUPS_DB_NAME);
    expect(check.version).toBe(2);
    expect([...check.transaction('groups').store.indexNames].sort()).toEqual(['by-folded', 'by-name', 'by-org', 'by-org-folded']);
    check.close();
  });

  it('fails with a clear "blocked" error while an old page holds version 1 open, and upgrades once it lets go', async () => {
    const old = await createVersion1WithData();
    // An old page that does not close on versionchange.
    old.addEventListener('versionchange', () => undefined);
    await expect(openGroupStore()).rejects.toMatchObject({ code: 'blocked', message: expect.stringMatching(/another SSO Lens page/) });
    old.close();
    await vi.waitFor(async () => {
      const store = await open();
      expect((await store.findGroups('developers', { folded: true })).map((g) => g.name)).toEqual(['Developers']);
    });
  });

  it('steps aside when a newer version wants to upgrade', async () => {
    const store = await open();
    await store.replaceOrganization(acme, groups('Dev'));
    const upgraded = await openDB(GROUPS_DB_NAME, 3, { blocked: () => expect.fail('the upgrade was blocked') });
    expect(upgraded.version).toBe(3);
    upgraded.close();
  });
});
