import { describe, expect, it } from 'vitest';
import { DEVOLUTIONS_CLOUD_CAUSES } from './devolutions-cloud-causes';
import { questionKey, walk } from './troubleshooter';

const now = new Date('2025-03-10T12:00:00.000Z');
const q = questionKey;

describe('Devolutions Cloud: a user can’t get in', () => {
  it('starts by asking whether SSO is configured and enabled', () => {
    expect(walk(DEVOLUTIONS_CLOUD_CAUSES, { now })).toMatchObject({ kind: 'question', cause: { id: 'sso-not-enabled' } });
    expect(walk(DEVOLUTIONS_CLOUD_CAUSES, { now }, [[q('sso-not-enabled', 0), 'no']])).toMatchObject({ kind: 'found', cause: { id: 'sso-not-enabled' } });
  });

  it('finds an expired recorded invitation at once', () => {
    const invitation = { id: 'i', who: 'Lee', sentAt: '2025-03-01T12:00:00.000Z', code: 'INV' };
    const step = walk(DEVOLUTIONS_CLOUD_CAUSES, { now, invitation });
    expect(step).toMatchObject({ kind: 'found', cause: { id: 'invitation-expired' }, by: 'evidence' });
    expect(step.kind === 'found' && step.detail).toMatch(/expired 2 days ago/);
  });

  it('rules out a recorded invitation still open, then asks about By Emails and Assignment required', () => {
    const invitation = { id: 'i', who: 'Dana', sentAt: '2025-03-08T12:00:00.000Z', code: 'INV' };
    const base = [[q('sso-not-enabled', 0), 'yes']] as const;
    const step = walk(DEVOLUTIONS_CLOUD_CAUSES, { now, invitation }, base);
    expect(step).toMatchObject({ kind: 'question', cause: { id: 'assignment-required' } });
    expect(step.ruledOut[1]).toMatchObject({ causeId: 'invitation-expired', by: 'evidence' });
    const second = walk(DEVOLUTIONS_CLOUD_CAUSES, { now, invitation }, [...base, [q('assignment-required', 0), 'yes']]);
    expect(second).toMatchObject({ kind: 'question', key: q('assignment-required', 1) });
    const found = walk(DEVOLUTIONS_CLOUD_CAUSES, { now, invitation }, [...base, [q('assignment-required', 0), 'yes'], [q('assignment-required', 1), 'yes']]);
    expect(found).toMatchObject({ kind: 'found', cause: { id: 'assignment-required' } });
  });

  it('walks Force SSO, first connection and the approval request to the end', () => {
    const base = [
      [q('sso-not-enabled', 0), 'yes'],
      [q('invitation-expired', 0), 'yes'],
      [q('assignment-required', 0), 'no'],
    ] as const;
    expect(walk(DEVOLUTIONS_CLOUD_CAUSES, { now }, [...base, [q('force-sso', 0), 'yes'], [q('force-sso', 1), 'yes']])).toMatchObject({ kind: 'found', cause: { id: 'force-sso' } });
    const noForce = [...base, [q('force-sso', 0), 'no']] as const;
    const first = walk(DEVOLUTIONS_CLOUD_CAUSES, { now }, [...noForce, [q('first-connection', 0), 'no']]);
    expect(first).toMatchObject({ kind: 'found', cause: { id: 'first-connection' } });
    expect(first.kind === 'found' && first.cause.fix).toMatch(/Devolutions Account setup \(no password/);
    const connected = [...noForce, [q('first-connection', 0), 'yes']] as const;
    expect(walk(DEVOLUTIONS_CLOUD_CAUSES, { now }, [...connected, [q('approval-pending', 0), 'yes']])).toMatchObject({ kind: 'found', cause: { id: 'approval-pending' } });
    const end = walk(DEVOLUTIONS_CLOUD_CAUSES, { now }, [...connected, [q('approval-pending', 0), 'no']]);
    expect(end.kind).toBe('support');
    expect(end.ruledOut.map((r) => r.causeId)).toEqual(DEVOLUTIONS_CLOUD_CAUSES.map((c) => c.id));
  });

  it('every cause has a fix, a Devolutions doc link and a stable id', () => {
    for (const cause of DEVOLUTIONS_CLOUD_CAUSES) {
      expect(cause.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(cause.fix.length).toBeGreaterThan(20);
      expect(cause.docs).toMatch(/^https:\/\/docs\.devolutions\.net\//);
    }
  });
});
