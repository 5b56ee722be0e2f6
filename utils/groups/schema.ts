import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';

export const GROUPS_DB_NAME = 'sso-lens-groups';
/** Version 1: organizations + groups by exact name. Version 2: case-folded names (`nameFolded`) and indexes. */
export const GROUPS_DB_VERSION = 2;

export type GroupService = 'sonarqube-cloud';
export type GroupRegion = 'eu' | 'us';
export type GroupSource = 'paste' | 'csv' | 'api-json' | 'fetch';

export interface OrganizationRecord {
  /** `${service}:${region}:${organization}` */
  key: string;
  service: GroupService;
  region: GroupRegion;
  organization: string;
  enterprise?: string;
  /** When the list was fetched or imported, ms since the epoch. */
  fetchedAt: number;
  source: GroupSource;
}

export interface GroupRecord {
  /** The organization's key (`OrganizationRecord.key`). */
  orgKey: string;
  name: string;
  /** `name` lower-cased, for case-folded lookup (added in version 2). */
  nameFolded: string;
  description?: string;
  membersCount?: number;
  isDefault: boolean;
}

export interface GroupsDB extends DBSchema {
  organizations: {
    key: string;
    value: OrganizationRecord;
  };
  groups: {
    /** [orgKey, name]: one record per exact name per organization. */
    key: [string, string];
    value: GroupRecord;
    indexes: {
      'by-org': string;
      'by-name': string;
      'by-folded': string;
      'by-org-folded': [string, string];
    };
  };
}

export function organizationKey(service: GroupService, region: GroupRegion, organization: string): string {
  return `${service}:${region}:${organization}`;
}

type UpgradeTransaction = IDBPTransaction<GroupsDB, StoreNames<GroupsDB>[], 'versionchange'>;

/** Version 1 as it shipped: groups looked up by exact name only. Kept verbatim so upgrades replay it. */
export function createVersion1(db: IDBPDatabase<GroupsDB>): void {
  db.createObjectStore('organizations', { keyPath: 'key' });
  const groups = db.createObjectStore('groups', { keyPath: ['orgKey', 'name'] });
  groups.createIndex('by-org', 'orgKey');
  groups.createIndex('by-name', 'name');
}

/**
 * Version 2: adds `nameFolded` to every existing group and the case-folded indexes. Records that are not what
 * SSO Lens wrote (no text name) are left untouched rather than deleted: the reader skips and reports them.
 */
export async function upgradeToVersion2(tx: UpgradeTransaction): Promise<void> {
  const groups = tx.objectStore('groups');
  groups.createIndex('by-folded', 'nameFolded');
  groups.createIndex('by-org-folded', ['orgKey', 'nameFolded']);
  let cursor = await groups.openCursor();
  while (cursor) {
    const record = cursor.value as Partial<GroupRecord>;
    if (typeof record.name === 'string' && record.nameFolded !== record.name.toLowerCase()) {
      await cursor.update({ ...(record as GroupRecord), nameFolded: record.name.toLowerCase() });
    }
    cursor = await cursor.continue();
  }
}

/** Brings a database at `oldVersion` up to GROUPS_DB_VERSION, one step at a time. */
export async function upgradeGroupsDb(
  db: IDBPDatabase<GroupsDB>,
  oldVersion: number,
  tx: UpgradeTransaction,
): Promise<void> {
  if (oldVersion < 1) createVersion1(db);
  if (oldVersion < 2) await upgradeToVersion2(tx);
}
