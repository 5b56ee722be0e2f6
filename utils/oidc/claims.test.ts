import { describe, expect, it } from 'vitest';
import { entraIdTokenClaims, T0 } from '../../tests/support/oidc-builder';
import { claimRows } from './claims';

describe('claimRows', () => {
  const now = Date.parse(T0);

  it('gives every Entra ID claim the issue lists a meaning', () => {
    const rows = claimRows({ ...entraIdTokenClaims(), upn: 'a@b', groups: ['x'], roles: ['r'], amr: ['pwd', 'mfa'] }, now);
    for (const name of ['iss', 'aud', 'exp', 'nbf', 'iat', 'nonce', 'tid', 'oid', 'upn', 'email', 'groups', 'roles', 'amr']) {
      expect(rows.find((r) => r.name === name)?.meaning, name).toBeTruthy();
    }
    expect(rows.find((r) => r.name === 'amr')!.value).toBe('["pwd","mfa"]');
  });

  it('words times in local time and UTC with how far they are from the capture', () => {
    const exp = Math.floor(now / 1000) - 12 * 60;
    const [row] = claimRows({ exp }, now, 'Europe/Paris');
    expect(row!.time).toEqual({ utc: '2024-01-01T09:48:00Z', local: expect.stringContaining('10:48:00'), relative: 'expired 12 min ago' });
    expect(claimRows({ exp: exp + 3600 }, now)[0]!.time!.relative).toBe('expires in 48 min');
    expect(claimRows({ nbf: exp + 3600 }, now)[0]!.time!.relative).toBe('not valid for another 48 min');
    expect(claimRows({ iat: Math.floor(now / 1000) - 5 }, now)[0]!.time!.relative).toBe('5 s before capture');
  });

  it('shows unknown claims as text and odd time values without wording them', () => {
    const rows = claimRows({ custom: { a: 1 }, exp: 'soon', weird: null }, now);
    expect(rows).toEqual([{ name: 'custom', value: '{"a":1}' }, { name: 'exp', value: 'soon', meaning: expect.any(String) }, { name: 'weird', value: 'null' }]);
    expect(claimRows({ constructor: 'x' }, now)[0]!.meaning).toBeUndefined();
  });
});
