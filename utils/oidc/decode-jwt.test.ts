import { describe, expect, it } from 'vitest';
import { signJwt } from '../../tests/support/oidc-builder';
import { claimList, claimTime, readJwt } from './decode-jwt';

describe('readJwt', () => {
  it('reads the header and claims of a signed token', async () => {
    const token = await signJwt({ aud: ['a', 'b'], exp: 1_700_000_000, groups: ['g1'] });
    const jwt = readJwt(token);
    expect(jwt.problem).toBeUndefined();
    expect(jwt.header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(claimList(jwt.payload, 'aud')).toEqual(['a', 'b']);
    expect(claimTime(jwt.payload, 'exp')).toBe(1_700_000_000_000);
  });

  it('says why a value is not readable, without throwing', () => {
    expect(readJwt('opaque-token').problem).toMatch(/opaque/);
    expect(readJwt('a.b.c.d.e').problem).toMatch(/JWE/);
    expect(readJwt('eyJhbGciOiJub25lIn0.bm90IGpzb24.').problem).toMatch(/not a readable JWT/);
    expect(readJwt(`${'a'.repeat(70_000)}.b.c`).problem).toMatch(/over the/);
  });

  it('reads one string or a list, and ignores non-string members', () => {
    expect(claimList({ aud: 'x' }, 'aud')).toEqual(['x']);
    expect(claimList({ groups: ['a', 1, null, 'b'] }, 'groups')).toEqual(['a', 'b']);
    expect(claimList(undefined, 'aud')).toEqual([]);
    expect(claimTime({ exp: '1700000000' }, 'exp')).toBeUndefined();
  });
});
