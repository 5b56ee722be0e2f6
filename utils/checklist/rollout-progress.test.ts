import { describe, expect, it } from 'vitest';
import { DEFAULT_CHOICES, type RolloutChoices } from './checklist-types';
import { DEVOLUTIONS_CLOUD_CHECKLIST } from './devolutions-cloud-steps';
import { adminTickKey, rolloutProgress } from './rollout-progress';
import { SONARQUBE_CLOUD_CHECKLIST } from './sonarqube-cloud-steps';

const ids = (choices: RolloutChoices) => rolloutProgress(SONARQUBE_CLOUD_CHECKLIST, { manual: {}, choices }).steps.map((s) => s.id);

describe('rolloutProgress', () => {
  it('with JIT (the default), groups and their permissions come first and SCIM is left out', () => {
    const steps = ids(DEFAULT_CHOICES);
    expect(steps.slice(0, 3)).toEqual(['groups-exist', 'groups-permissions', 'sso-configured']);
    expect(steps).not.toContain('scim-configured');
    expect(rolloutProgress(SONARQUBE_CLOUD_CHECKLIST, { manual: {}, choices: DEFAULT_CHOICES }).next?.id).toBe('groups-exist');
  });

  it('with SCIM, no groups by hand, and SCIM comes after SSO', () => {
    const steps = ids({ ...DEFAULT_CHOICES, provisioning: 'scim' });
    expect(steps).not.toContain('groups-exist');
    expect(steps).not.toContain('groups-permissions');
    expect(steps.indexOf('scim-configured')).toBe(steps.indexOf('sso-configured') + 1);
  });

  it('adds the Okta dashboard and the Bitbucket Cloud steps only when they apply', () => {
    expect(ids(DEFAULT_CHOICES)).not.toContain('okta-dashboard');
    expect(ids(DEFAULT_CHOICES)).not.toContain('bitbucket-binding-account');
    expect(ids({ ...DEFAULT_CHOICES, oktaExpress: true })).toContain('okta-dashboard');
    expect(ids({ ...DEFAULT_CHOICES, bitbucketCloud: true })).toContain('bitbucket-binding-account');
  });

  it('ticks steps from evidence and says what was seen', () => {
    const progress = rolloutProgress(SONARQUBE_CLOUD_CHECKLIST, {
      manual: {},
      choices: DEFAULT_CHOICES,
      evidence: { cleanSignInAt: '2025-03-02T10:00:00Z', linkCopiedAt: '2025-03-01T10:00:00Z', groupParityOk: true, inviteCopiedAt: '2025-03-03T09:00:00Z' },
    });
    const byId = Object.fromEntries(progress.steps.map((s) => [s.id, s]));
    expect(byId['sso-configured']).toMatchObject({ done: true, doneBy: 'evidence', evidenceNote: 'a clean sign-in was captured on 2025-03-02.' });
    expect(byId['one-click-link']?.evidenceNote).toBe('copied on 2025-03-01.');
    expect(byId['users-invited']?.evidenceNote).toBe('invite message copied on 2025-03-03.');
    expect(byId['groups-exist']).toMatchObject({ done: true, doneBy: 'evidence' });
    expect(progress.doneCount).toBe(4);
    expect(progress.next?.id).toBe('groups-permissions');
  });

  it('does not tick from evidence that is absent or negative', () => {
    expect(rolloutProgress(SONARQUBE_CLOUD_CHECKLIST, { manual: {}, choices: DEFAULT_CHOICES, evidence: { groupParityOk: false } }).doneCount).toBe(0);
  });

  it('keeps the date of a tick by hand', () => {
    const progress = rolloutProgress(SONARQUBE_CLOUD_CHECKLIST, { manual: { 'domain-verified': { done: true, at: '2025-03-04T08:00:00Z' } }, choices: DEFAULT_CHOICES });
    expect(progress.steps.find((s) => s.id === 'domain-verified')).toMatchObject({ done: true, doneBy: 'manual', at: '2025-03-04T08:00:00Z' });
  });

  it('ticks per-admin steps per admin, never once for the enterprise', () => {
    const step = (manual: Record<string, { done: boolean; at?: string }>, admins: string[]) =>
      rolloutProgress(SONARQUBE_CLOUD_CHECKLIST, { manual, choices: DEFAULT_CHOICES, admins }).steps.find((s) => s.id === 'recovery-account')!;
    // An old enterprise-wide tick does not count for anyone.
    expect(step({ 'recovery-account': { done: true } }, [])).toMatchObject({ done: false, admins: [] });
    const one = { [adminTickKey('recovery-account', 'ana@acme.com')]: { done: true, at: '2025-03-05T00:00:00Z' } };
    expect(step(one, ['ana@acme.com', 'bo@acme.com'])).toMatchObject({
      done: false,
      admins: [{ admin: 'ana@acme.com', done: true, at: '2025-03-05T00:00:00Z' }, { admin: 'bo@acme.com', done: false }],
    });
    const both = { ...one, [adminTickKey('recovery-account', 'bo@acme.com')]: { done: true, at: '2025-03-06T00:00:00Z' } };
    expect(step(both, ['ana@acme.com', 'bo@acme.com'])).toMatchObject({ done: true, doneBy: 'manual', at: '2025-03-06T00:00:00Z' });
  });

  it('ticks the Devolutions Cloud invitation from a recorded invitation still open', () => {
    const progress = rolloutProgress(DEVOLUTIONS_CLOUD_CHECKLIST, {
      manual: {},
      choices: DEFAULT_CHOICES,
      evidence: { openInvitation: { who: 'Dana', expiresAt: '2025-03-15T12:00:00Z' } },
    });
    expect(progress.steps.find((s) => s.id === 'invite-sent')?.evidenceNote).toBe('invitation for Dana sent, open until 2025-03-15.');
    expect(progress.next?.id).toBe('sso-enabled');
  });
});
