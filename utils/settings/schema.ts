// The settings an admin keeps: enterprises and instances, the default, the invite template and the rollout
// checklist. Stored versioned so a later shape can migrate what earlier builds saved.
import type { ManualChecks } from '../checklist/rollout-progress';
import { checkInstanceUrl, type Invitation } from '../links/devolutions-cloud';
import { checkEnterpriseKey, isSonarRegion, type SonarRegion } from '../links/sonarqube-cloud';
import type { IdpKind } from '../profiles/types';

export const SETTINGS_VERSION = 2;

export interface SonarEnterprise {
  id: string;
  service: 'sonarqube-cloud';
  name: string;
  region: SonarRegion;
  key: string;
  /** How users and groups reach SonarQube Cloud: JIT at sign-in (groups made by hand first) or SCIM. */
  provisioning: 'jit' | 'scim';
  /** SSO was set up with Okta's Express Configuration (the Okta dashboard may then start a sign-in). */
  oktaExpress: boolean;
  /** What SonarQube Cloud's SSO setup assistant shows, copied by the admin: the analysis judges by these. */
  sso?: SonarSsoSetup;
  /** Organizations are bound to Bitbucket Cloud workspaces (binding needs a DevOps platform account). */
  bitbucketCloud?: boolean;
  /** The enterprise admins, for the steps each of them does on their own account (recovery account). */
  admins?: string[];
  checklist: ManualChecks;
  /** Evidence for the checklist: when the one-click link was last copied from SSO Lens. */
  linkCopiedAt?: string;
  /** Evidence for the checklist: when the invite message was last copied from SSO Lens. */
  inviteCopiedAt?: string;
}

/** The attribute fields SonarQube Cloud maps. */
export const SSO_FIELDS = ['login', 'name', 'email', 'groups'] as const;
export type SsoField = (typeof SSO_FIELDS)[number];

export interface SonarSsoSetup {
  /** The assistant's Single Sign-On URL (the ACS). */
  acsUrl?: string;
  /** The assistant's Entity ID (the audience). */
  entityId?: string;
  /** The attribute names the assistant gives, which the admin copies into the IdP. */
  attributes?: Partial<Record<SsoField, string>>;
  idp?: IdpKind;
}

export interface DevolutionsInstance {
  id: string;
  service: 'devolutions-cloud';
  name: string;
  url: string;
  invitations: Invitation[];
  /** Rollout steps ticked by hand. */
  checklist?: ManualChecks;
}

export type Enterprise = SonarEnterprise | DevolutionsInstance;

export interface Settings {
  /** In the order the admin chose. */
  enterprises: Enterprise[];
  /** The enterprise the shortcut, the context menu and "open on click" use; else the first one. */
  defaultId?: string;
  /** Empty means the built-in template. */
  inviteTemplate: string;
  /** The toolbar icon opens the default one-click link instead of the popup. */
  openOnClick: boolean;
  /** Set on each save; the newer of the sync and local copies wins. */
  updatedAt?: string;
}

export const EMPTY_SETTINGS: Settings = { enterprises: [], inviteTemplate: '', openOnClick: false };

/**
 * Version 1: the minimal list an admin can write by hand, SonarQube Cloud keys only:
 * `{ "enterprises": [{ "key": "acme", "region": "us", "name": "Acme" }], "defaultKey": "acme" }`.
 */
export interface SettingsV1 {
  enterprises?: Array<{ key?: unknown; region?: unknown; name?: unknown }>;
  defaultKey?: unknown;
}

export function newId(): string {
  return globalThis.crypto.randomUUID();
}

export function migrateV1ToV2(old: SettingsV1 | null | undefined): Settings {
  const enterprises: SonarEnterprise[] = [];
  let defaultId: string | undefined;
  for (const entry of Array.isArray(old?.enterprises) ? old.enterprises : []) {
    if (typeof entry?.key !== 'string') continue;
    const key = entry.key.trim();
    const enterprise: SonarEnterprise = {
      id: newId(),
      service: 'sonarqube-cloud',
      name: typeof entry.name === 'string' && entry.name.trim() ? entry.name.trim() : key,
      region: isSonarRegion(entry.region) ? entry.region : 'eu',
      key,
      provisioning: 'jit',
      oktaExpress: false,
      checklist: {},
    };
    enterprises.push(enterprise);
    if (old?.defaultKey === key && !defaultId) defaultId = enterprise.id;
  }
  return { ...EMPTY_SETTINGS, enterprises, defaultId };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

// A step id, or `step-id@admin` for a per-admin step. Ids are not checked against today's steps: a tick saved
// by a newer version stays for it, and an id no step has any more is simply never shown.
const TICK_KEY = /^[a-z0-9]+(-[a-z0-9]+)*(@[^\n]{1,200})?$/;

/** Step ids of the first checklist that have new ids; the recovery-account tick is per admin now, and dropped. */
const RENAMED_STEPS: Record<string, string | null> = {
  'link-copied': 'one-click-link',
  'email-domain-verified': 'domain-verified',
  'devops-admin-kept': 'dop-admins-kept',
  'recovery-account': null,
  'sso-admin-permission': null,
};

function readChecklist(raw: unknown): ManualChecks {
  const checks: ManualChecks = {};
  if (!isObject(raw)) return checks;
  for (const [key, value] of Object.entries(raw)) {
    if (!TICK_KEY.test(key) || !isObject(value) || typeof value.done !== 'boolean') continue;
    // An enterprise-wide tick of what each admin does says nothing about any one admin.
    const id = key in RENAMED_STEPS ? RENAMED_STEPS[key] : key;
    if (!id) continue;
    checks[id] = typeof value.at === 'string' ? { done: value.done, at: value.at } : { done: value.done };
  }
  return checks;
}

const IDPS: readonly IdpKind[] = ['entra', 'okta', 'other'];

/** An http(s) URL or an opaque entity ID (URN); nothing with line breaks or over 2,000 characters. */
function readSsoValue(v: unknown): string | undefined {
  const value = text(v);
  return value && value.length <= 2000 && !/\s/.test(value) ? value : undefined;
}

/** The setup assistant's values as typed or stored: an invalid value is left out, never the enterprise. */
export function readSsoSetup(raw: unknown): SonarSsoSetup | undefined {
  if (!isObject(raw)) return undefined;
  const sso: SonarSsoSetup = {};
  const acsUrl = readSsoValue(raw.acsUrl);
  if (acsUrl && /^https?:\/\//i.test(acsUrl)) sso.acsUrl = acsUrl;
  const entityId = readSsoValue(raw.entityId);
  if (entityId) sso.entityId = entityId;
  if (isObject(raw.attributes)) {
    const attributes: Partial<Record<SsoField, string>> = {};
    for (const field of SSO_FIELDS) {
      const name = text(raw.attributes[field]);
      if (name && name.length <= 500 && !name.includes('\n')) attributes[field] = name;
    }
    if (Object.keys(attributes).length) sso.attributes = attributes;
  }
  if (IDPS.includes(raw.idp as IdpKind)) sso.idp = raw.idp as IdpKind;
  return Object.keys(sso).length ? sso : undefined;
}

function readAdmins(raw: unknown[]): string[] {
  return [...new Set(raw.map(text).filter((name) => name && name.length <= 200 && !name.includes('\n')))];
}

function readInvitation(raw: unknown): Invitation | undefined {
  if (!isObject(raw) || Number.isNaN(Date.parse(text(raw.sentAt)))) return undefined;
  return { id: text(raw.id) || newId(), who: text(raw.who), sentAt: text(raw.sentAt), code: text(raw.code) };
}

/**
 * Reads settings from storage or an imported file, keeping every valid entry and explaining each one dropped:
 * a bad entry never costs the admin the rest.
 */
export function normalizeSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  if (!isObject(raw)) return { settings: { ...EMPTY_SETTINGS }, problems: ['The settings are not an object.'] };
  const list = Array.isArray(raw.enterprises) ? raw.enterprises : [];
  if (raw.enterprises !== undefined && !Array.isArray(raw.enterprises)) problems.push('"enterprises" is not a list.');
  const enterprises: Enterprise[] = [];
  const seen = new Set<string>();
  list.forEach((entry, index) => {
    const where = `Entry ${index + 1}`;
    if (!isObject(entry)) return problems.push(`${where} is not an object.`);
    let id = text(entry.id) || newId();
    if (seen.has(id)) id = newId();
    seen.add(id);
    if (entry.service === 'devolutions-cloud') {
      const check = checkInstanceUrl(text(entry.url));
      if (!check.ok) return problems.push(`${where} (${text(entry.name) || 'Devolutions Cloud'}): ${check.message}`);
      const invitations = (Array.isArray(entry.invitations) ? entry.invitations : []).map(readInvitation);
      if (invitations.some((i) => !i)) problems.push(`${where}: invitations without a readable sent date were left out.`);
      enterprises.push({
        id,
        service: 'devolutions-cloud',
        name: text(entry.name) || new URL(check.url).hostname,
        url: check.url,
        invitations: invitations.filter((i): i is Invitation => !!i),
        ...(isObject(entry.checklist) ? { checklist: readChecklist(entry.checklist) } : {}),
      });
      return;
    }
    if (entry.service !== 'sonarqube-cloud') return problems.push(`${where}: unknown service "${String(entry.service)}".`);
    const check = checkEnterpriseKey(text(entry.key));
    if (!check.ok) return problems.push(`${where} (${text(entry.name) || 'SonarQube Cloud'}): ${check.message}`);
    if (!isSonarRegion(entry.region)) return problems.push(`${where} (${check.key}): region must be "eu" or "us".`);
    enterprises.push({
      id,
      service: 'sonarqube-cloud',
      name: text(entry.name) || check.key,
      region: entry.region,
      key: check.key,
      provisioning: entry.provisioning === 'scim' ? 'scim' : 'jit',
      oktaExpress: entry.oktaExpress === true,
      ...(readSsoSetup(entry.sso) ? { sso: readSsoSetup(entry.sso) } : {}),
      ...(entry.bitbucketCloud === true ? { bitbucketCloud: true } : {}),
      ...(Array.isArray(entry.admins) ? { admins: readAdmins(entry.admins) } : {}),
      checklist: readChecklist(entry.checklist),
      ...(typeof entry.linkCopiedAt === 'string' ? { linkCopiedAt: entry.linkCopiedAt } : {}),
      ...(typeof entry.inviteCopiedAt === 'string' ? { inviteCopiedAt: entry.inviteCopiedAt } : {}),
    });
  });
  const defaultId = enterprises.some((e) => e.id === raw.defaultId) ? (raw.defaultId as string) : undefined;
  return {
    settings: {
      enterprises,
      defaultId,
      inviteTemplate: typeof raw.inviteTemplate === 'string' ? raw.inviteTemplate : '',
      openOnClick: raw.openOnClick === true,
      ...(typeof raw.updatedAt === 'string' ? { updatedAt: raw.updatedAt } : {}),
    },
    problems,
  };
}

/** The default enterprise: the chosen one, else the first. */
export function defaultEnterprise(settings: Settings): Enterprise | undefined {
  return settings.enterprises.find((e) => e.id === settings.defaultId) ?? settings.enterprises[0];
}

/** The enterprises with the default first, the rest in the admin's order. */
export function enterprisesDefaultFirst(settings: Settings): Enterprise[] {
  const first = defaultEnterprise(settings);
  return first ? [first, ...settings.enterprises.filter((e) => e !== first)] : [];
}
