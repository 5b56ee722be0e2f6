import { describe, expect, it } from 'vitest';
import { rolloutProgress } from './rollout-progress';
import { ROLLOUT_STEPS } from './rollout-steps';

describe('rolloutProgress', () => {
  it('starts with nothing done and the groups step next', () => {
    const progress = rolloutProgress({});
    expect(progress.doneCount).toBe(0);
    expect(progress.total).toBe(ROLLOUT_STEPS.length);
    expect(progress.next?.id).toBe('groups-exist');
  });

  it('ticks steps from evidence and says why', () => {
    const progress = rolloutProgress({}, { cleanSignInCaptured: true, linkCopiedAt: '2025-03-01T10:00:00Z', groupParityOk: true });
    const byId = Object.fromEntries(progress.steps.map((s) => [s.id, s]));
    expect(byId['sso-configured']).toMatchObject({ done: true, doneBy: 'evidence' });
    expect(byId['link-copied']?.evidenceNote).toBe('Copied on 2025-03-01.');
    expect(byId['groups-exist']).toMatchObject({ done: true, doneBy: 'evidence' });
    expect(progress.doneCount).toBe(3);
    expect(progress.next?.id).toBe('email-domain-verified');
  });

  it('does not tick from evidence that is absent or negative', () => {
    const progress = rolloutProgress({}, { cleanSignInCaptured: false, groupParityOk: false });
    expect(progress.doneCount).toBe(0);
  });

  it('keeps manual ticks, and unticking one brings it back as next', () => {
    const all = Object.fromEntries(ROLLOUT_STEPS.map((s) => [s.id, { done: true }]));
    expect(rolloutProgress(all).doneCount).toBe(ROLLOUT_STEPS.length);
    expect(rolloutProgress(all).next).toBeUndefined();
    const progress = rolloutProgress({ ...all, 'users-invited': { done: false } });
    expect(progress.next?.id).toBe('users-invited');
    expect(progress.steps.find((s) => s.id === 'recovery-account')?.doneBy).toBe('manual');
  });

  it('gives every step a title, a one-line why and a vendor doc link', () => {
    for (const step of ROLLOUT_STEPS) {
      expect(step.title).not.toBe('');
      expect(step.why).not.toMatch(/\n/);
      expect(step.docs).toMatch(/^https:\/\/docs\.sonarsource\.com\//);
    }
    expect(new Set(ROLLOUT_STEPS.map((s) => s.id)).size).toBe(ROLLOUT_STEPS.length);
  });
});
