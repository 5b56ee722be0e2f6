import { openDB, type IDBPDatabase } from 'idb';
import type { OrgGroups } from '../rules/types';
import type { ImportedGroup } from './imported-groups';
import {
  GROUPS_DB_NAME,
  GROUPS_DB_VERSION,
  organizationKey,
  upgradeGroupsDb,
  type GroupRecord,
  type GroupRegion,
  type GroupService,
  type GroupSource,
  type GroupsDB,
  type OrganizationRecord,
} from './schema';
import { GroupStoreError, toGroupStoreError } from './store-errors';

export { GroupStoreError } from './store-errors';
export type { GroupStoreErrorCode } from './store-errors';

export interface OrganizationInput {
  service?: GroupService;
  region: GroupRegion;
  organization: string;
  enterprise?: string;
  source: GroupSource;
  /** Defaults to now. */
  fetchedAt?: number;
}

export interface CachedOrganization extends OrganizationRecord {
  groupCount: number;
}

/** A stored record SSO Lens cannot read (written by hand, by a bug, or damaged); skipped, never deleted. */
export interface UnreadableRecord {
  store: 'organizations' | 'groups';
  key: string;
  reason: string;
}

export interface CacheListing {
  organizations: CachedOrganization[];
  unreadable: UnreadableRecord[];
}

export interface OrganizationGroups {
  organization: OrganizationRecord;
  groups: GroupRecord[];
  unreadable: UnreadableRecord[];
}

export interface OpenGroupStoreOptions {
  /** Database name; tests use their own. */
  name?: string;
  now?: () => number;
}

const REGIONS = new Set<string>(['eu', 'us']);
const SOURCES = new Set<string>(['paste', 'csv', 'api-json', 'fetch']);

function describeKey(key: unknown): string {
  try {
    return typeof key === 'string' ? key : JSON.stringify(key);
  } catch {
    return String(key);
  }
}

function readOrganization(value: unknown): OrganizationRecord | string {
  if (!value || typeof value !== 'object') return 'not an object';
  const r = value as Partial<OrganizationRecord>;
  if (typeof r.organization !== 'string' || !r.organization) return 'no organization name';
  if (typeof r.region !== 'string' || !REGIONS.has(r.region)) return `unknown region ${JSON.stringify(r.region)}`;
  if (typeof r.fetchedAt !== 'number' || !Number.isFinite(r.fetchedAt)) return 'no valid fetch date';
  if (typeof r.source !== 'string' || !SOURCES.has(r.source)) return `unknown source ${JSON.stringify(r.source)}`;
  return r as OrganizationRecord;
}

function readGroup(value: unknown): GroupRecord | string {
  if (!value || typeof value !== 'object') return 'not an object';
  const r = value as Partial<GroupRecord>;
  if (typeof r.name !== 'string' || !r.name.trim()) return 'no group name';
  if (typeof r.orgKey !== 'string') return 'no organization key';
  return {
    ...r,
    name: r.name,
    orgKey: r.orgKey,
    nameFolded: typeof r.nameFolded === 'string' ? r.nameFolded : r.name.toLowerCase(),
    isDefault: r.isDefault === true,
  } as GroupRecord;
}

/** The organization list cache. Methods throw GroupStoreError; a failed write leaves the previous list intact. */
export class GroupStore {
  #db: IDBPDatabase<GroupsDB> | undefined;
  readonly #name: string;
  readonly #now: () => number;

  private constructor(name: string, now: () => number) {
    this.#name = name;
    this.#now = now;
  }

  static async open(options: OpenGroupStoreOptions = {}): Promise<GroupStore> {
    const store = new GroupStore(options.name ?? GROUPS_DB_NAME, options.now ?? Date.now);
    await store.#connection();
    return store;
  }

  async #connection(): Promise<IDBPDatabase<GroupsDB>> {
    if (this.#db) return this.#db;
    this.#db = await openGroupsDb(this.#name, {
      // Another page wants a newer schema: step aside so it can upgrade; we reconnect on next use.
      onBlocking: (db) => {
        db.close();
        this.#db = undefined;
      },
      onTerminated: () => {
        this.#db = undefined;
      },
    });
    return this.#db;
  }

  async listOrganizations(): Promise<CacheListing> {
    try {
      const db = await this.#connection();
      const tx = db.transaction(['organizations', 'groups'], 'readonly');
      const organizations: CachedOrganization[] = [];
      const unreadable: UnreadableRecord[] = [];
      let cursor = await tx.objectStore('organizations').openCursor();
      const counts: Array<Promise<number>> = [];
      while (cursor) {
        const org = readOrganization(cursor.value);
        if (typeof org === 'string') {
          unreadable.push({ store: 'organizations', key: describeKey(cursor.key), reason: org });
        } else {
          organizations.push({ ...org, key: describeKey(cursor.key), groupCount: 0 });
          counts.push(tx.objectStore('groups').index('by-org').count(describeKey(cursor.key)));
        }
        cursor = await cursor.continue();
      }
      const resolved = await Promise.all(counts);
      organizations.forEach((org, i) => (org.groupCount = resolved[i] ?? 0));
      await tx.done;
      organizations.sort((a, b) => a.organization.localeCompare(b.organization) || a.region.localeCompare(b.region));
      return { organizations, unreadable };
    } catch (error) {
      throw toGroupStoreError(error, 'read the cached organizations');
    }
  }

  async getOrganizationGroups(key: string): Promise<OrganizationGroups | undefined> {
    try {
      const db = await this.#connection();
      const tx = db.transaction(['organizations', 'groups'], 'readonly');
      const [orgValue, groupValues, groupKeys] = await Promise.all([
        tx.objectStore('organizations').get(key),
        tx.objectStore('groups').index('by-org').getAll(key),
        tx.objectStore('groups').index('by-org').getAllKeys(key),
      ]);
      await tx.done;
      if (orgValue === undefined) return undefined;
      const organization = readOrganization(orgValue);
      if (typeof organization === 'string') {
        throw new GroupStoreError('failed', `The cached record of ${key} is unreadable (${organization}); import its list again.`);
      }
      const groups: GroupRecord[] = [];
      const unreadable: UnreadableRecord[] = [];
      groupValues.forEach((value, i) => {
        const group = readGroup(value);
        if (typeof group === 'string') unreadable.push({ store: 'groups', key: describeKey(groupKeys[i]), reason: group });
        else groups.push(group);
      });
      return { organization, groups, unreadable };
    } catch (error) {
      throw toGroupStoreError(error, `read the groups of ${key}`);
    }
  }

  /** Cached groups named exactly `name` (or, with `folded`, in any case), across organizations. */
  async findGroups(name: string, options: { folded?: boolean } = {}): Promise<GroupRecord[]> {
    try {
      const db = await this.#connection();
      const values = options.folded
        ? await db.getAllFromIndex('groups', 'by-folded', name.toLowerCase())
        : await db.getAllFromIndex('groups', 'by-name', name);
      return values.map(readGroup).filter((g): g is GroupRecord => typeof g !== 'string');
    } catch (error) {
      throw toGroupStoreError(error, `look up the group ${name}`);
    }
  }

  /**
   * Replaces an organization's whole list in one transaction: either the new list is stored completely or the
   * old one stays as it was.
   */
  async replaceOrganization(input: OrganizationInput, groups: readonly ImportedGroup[]): Promise<CachedOrganization> {
    const organization = input.organization.trim();
    if (!organization) throw new GroupStoreError('invalid', 'Enter the organization key the groups belong to.');
    if (!REGIONS.has(input.region)) throw new GroupStoreError('invalid', `Unknown region "${input.region}".`);
    const named = groups.filter((g) => typeof g.name === 'string' && g.name.trim());
    if (!named.length) {
      throw new GroupStoreError('invalid', `No group names to cache for ${organization}; the cached list was left as it is.`);
    }
    const service = input.service ?? 'sonarqube-cloud';
    const key = organizationKey(service, input.region, organization);
    const record: OrganizationRecord = {
      key,
      service,
      region: input.region,
      organization,
      fetchedAt: input.fetchedAt ?? this.#now(),
      source: input.source,
      ...(input.enterprise ? { enterprise: input.enterprise } : {}),
    };
    const pending: Array<Promise<unknown>> = [];
    let tx: ReturnType<IDBPDatabase<GroupsDB>['transaction']> | undefined;
    try {
      const db = await this.#connection();
      const writeTx = db.transaction(['organizations', 'groups'], 'readwrite');
      tx = writeTx;
      pending.push(writeTx.done);
      const store = writeTx.objectStore('groups');
      // Keys are [orgKey, name]; every name string sorts between [orgKey] and [orgKey, []].
      pending.push(store.delete(IDBKeyRange.bound([key], [key, []])));
      pending.push(writeTx.objectStore('organizations').put(record));
      const seen = new Set<string>();
      for (const group of named) {
        const name = group.name.trim();
        if (seen.has(name)) continue;
        seen.add(name);
        const value: GroupRecord = { orgKey: key, name, nameFolded: name.toLowerCase(), isDefault: group.isDefault };
        if (group.description) value.description = group.description;
        if (typeof group.membersCount === 'number') value.membersCount = group.membersCount;
        pending.push(store.put(value));
      }
      await Promise.all(pending);
      return { ...record, groupCount: seen.size };
    } catch (error) {
      // Abort so nothing of the new list is committed, and swallow the requests' own abort errors.
      for (const p of pending) p.catch(() => undefined);
      try {
        tx?.abort();
      } catch {
        // Already finished or aborted by the browser (as with QuotaExceededError).
      }
      const txError = tx?.error ?? undefined;
      throw toGroupStoreError(txError && txError.name !== 'AbortError' ? txError : error, `cache the groups of ${organization}`);
    }
  }

  async deleteOrganization(key: string): Promise<void> {
    try {
      const db = await this.#connection();
      const tx = db.transaction(['organizations', 'groups'], 'readwrite');
      await Promise.all([
        tx.objectStore('groups').delete(IDBKeyRange.bound([key], [key, []])),
        tx.objectStore('organizations').delete(key),
        tx.done,
      ]);
    } catch (error) {
      throw toGroupStoreError(error, `delete the cached groups of ${key}`);
    }
  }

  /** Every readable cached list, in the shape the analysis takes (`AnalyzeOptions.orgGroups`). */
  async loadOrgGroups(): Promise<OrgGroups[]> {
    const { organizations } = await this.listOrganizations();
    const lists = await Promise.all(organizations.map((org) => this.getOrganizationGroups(org.key)));
    return lists
      .filter((list): list is OrganizationGroups => list !== undefined)
      .map((list) => ({
        organization: list.organization.organization,
        groups: list.groups.map((g) => ({
          name: g.name,
          ...(g.isDefault ? { isDefault: true } : {}),
          ...(g.membersCount !== undefined ? { membersCount: g.membersCount } : {}),
        })),
      }));
  }

  close(): void {
    this.#db?.close();
    this.#db = undefined;
  }
}

export function openGroupStore(options?: OpenGroupStoreOptions): Promise<GroupStore> {
  return GroupStore.open(options);
}

interface ConnectionHandlers {
  onBlocking(db: IDBDatabase): void;
  onTerminated(): void;
}

/**
 * Opens (and upgrades) the database. A `blocked` upgrade fails at once with a clear error instead of hanging;
 * when the other page lets go later, the upgrade finishes in the background and this connection is closed.
 */
async function openGroupsDb(name: string, handlers: ConnectionHandlers): Promise<IDBPDatabase<GroupsDB>> {
  if (typeof indexedDB === 'undefined') {
    throw new GroupStoreError('unavailable', 'This browser window has no IndexedDB (private browsing?), so group lists cannot be cached here.');
  }
  let upgradeError: unknown;
  return new Promise((resolve, reject) => {
    let settled = false;
    openDB<GroupsDB>(name, GROUPS_DB_VERSION, {
      upgrade(db, oldVersion, _newVersion, tx) {
        upgradeGroupsDb(db, oldVersion, tx).catch((error: unknown) => {
          upgradeError = error;
          try {
            tx.abort();
          } catch {
            // The transaction already ended with the error.
          }
        });
      },
      blocked() {
        if (settled) return;
        settled = true;
        reject(
          new GroupStoreError(
            'blocked',
            'The group cache is being upgraded but another SSO Lens page (an older version, in another tab or window) still has it open. Close or reload the other SSO Lens pages, then try again.',
          ),
        );
      },
      blocking(_current, _blocked, event) {
        handlers.onBlocking(event.target as IDBDatabase);
      },
      terminated() {
        handlers.onTerminated();
      },
    }).then(
      (db) => {
        if (settled) {
          db.close();
          return;
        }
        settled = true;
        resolve(db);
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        reject(toGroupStoreError(upgradeError ?? error, 'open the group cache'));
      },
    );
  });
}

export { organizationKey };
