// The checklist texts against the vendor pages they come from (../shared seeds): each step names why, where and a
// current doc page, and the facts the pages insist on are there.
import { describe, expect, it } from 'vitest';
import type { Checklist } from './checklist-types';
import { DEVOLUTIONS_CLOUD_CHECKLIST } from './devolutions-cloud-steps';
import { SONARQUBE_CLOUD_CHECKLIST } from './sonarqube-cloud-steps';

const CHECKLISTS: Array<[Checklist, RegExp]> = [
  [SONARQUBE_CLOUD_CHECKLIST, /^https:\/\/docs\.sonarsource\.com\/sonarqube-cloud\//],
  [DEVOLUTIONS_CLOUD_CHECKLIST, /^https:\/\/docs\.devolutions\.net\/cloud\//],
];

describe.each(CHECKLISTS)('$title', (checklist, docs) => {
  it('every step has a stable id, a title, a one-line why, a place in the UI and a vendor doc link', () => {
    const ids = checklist.steps.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const step of checklist.steps) {
      expect(step.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(step.title.trim()).not.toBe('');
      expect(step.why.length, step.id).toBeGreaterThan(30);
      expect(step.why).not.toMatch(/\n/);
      expect(step.where.trim(), step.id).not.toBe('');
      expect(step.docs, step.id).toMatch(docs);
    }
  });
});

describe('SonarQube Cloud steps', () => {
  const step = (id: string) => SONARQUBE_CLOUD_CHECKLIST.steps.find((s) => s.id === id)!;

  it('link to the current SSO & provisioning pages, never the old managing-enterprise/sso ones', () => {
    for (const s of SONARQUBE_CLOUD_CHECKLIST.steps) expect(s.docs).not.toMatch(/managing-enterprise\/(enterprise-security\/)?sso\//);
    expect(step('domain-verified').docs).toMatch(/sso-and-provisioning\/verify-domain$/);
    expect(step('domain-verified').title).toMatch(/during or after/);
  });

  it('find the links under Administration > SSO & Provisioning', () => {
    expect(step('one-click-link').where).toMatch(/^Administration > SSO & Provisioning > .*Configure one-click access/);
    expect(step('users-invited').where).toMatch(/^Administration > SSO & Provisioning > .*Invite users to sign in/);
  });

  it('create groups first only without SCIM, and ask for their permissions too', () => {
    expect(step('groups-exist').when).toBe('jit');
    expect(step('groups-permissions')).toMatchObject({ when: 'jit' });
    expect(step('scim-configured').when).toBe('scim');
  });

  it('have every admin set up their recovery account while signed in with SSO', () => {
    expect(step('recovery-account')).toMatchObject({ perAdmin: true });
    expect(step('recovery-account').title).toMatch(/Sign in with SSO/);
    expect(step('recovery-account').why).toMatch(/every enterprise admin/);
    expect(step('recovery-account').why).not.toMatch(/only way/);
  });

  it('terminate as the page says: permissions, DevOps platform accounts removed and deleted, admin accounts kept', () => {
    const ids = SONARQUBE_CLOUD_CHECKLIST.steps.map((s) => s.id);
    expect(ids.slice(-6)).toEqual(['sso-admin-permission', 'dop-accounts-removed', 'dop-accounts-deleted', 'dop-admins-kept', 'bitbucket-binding-account', 'recovery-account']);
    expect(step('bitbucket-binding-account').when).toBe('bitbucket-cloud');
  });

  it('keep "from the Team plan" in the token advice', () => {
    expect(step('users-checked').why).toMatch(/from the Team plan, scoped organization tokens/);
  });
});

describe('Devolutions Cloud steps', () => {
  const ids = DEVOLUTIONS_CLOUD_CHECKLIST.steps.map((s) => s.id);
  it('start with SSO configured and enabled, then the wizard in its order', () => {
    expect(ids[0]).toBe('sso-enabled');
    expect(ids.indexOf('from-organization')).toBeLessThan(ids.indexOf('by-emails'));
    expect(ids.indexOf('by-emails')).toBeLessThan(ids.indexOf('invite-options'));
    expect(ids.indexOf('invite-options')).toBeLessThan(ids.indexOf('invite-user-groups'));
    expect(ids.indexOf('custom-groups-defined')).toBeLessThan(ids.indexOf('invite-user-groups'));
  });
});
