import { describe, expect, it } from 'vitest';
import { moveEnterprise, removeEnterprise, setDefaultEnterprise, upsertEnterprise } from './edit-settings';
import type { Enterprise, Settings } from './schema';

const sonar = (id: string): Enterprise => ({ id, service: 'sonarqube-cloud', name: id, region: 'eu', key: id, provisioning: 'jit', oktaExpress: false, checklist: {} });
const base: Settings = { enterprises: [sonar('a'), sonar('b'), sonar('c')], defaultId: 'b', inviteTemplate: '', openOnClick: false };
const ids = (s: Settings) => s.enterprises.map((e) => e.id);

describe('editing the enterprise list', () => {
  it('adds at the end and makes the first one added the default', () => {
    const first = upsertEnterprise({ ...base, enterprises: [], defaultId: undefined }, sonar('x'));
    expect(first.defaultId).toBe('x');
    expect(ids(upsertEnterprise(base, sonar('d')))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('replaces an edited enterprise in place', () => {
    const edited = upsertEnterprise(base, { ...sonar('b'), name: 'Renamed' });
    expect(ids(edited)).toEqual(['a', 'b', 'c']);
    expect(edited.enterprises[1]?.name).toBe('Renamed');
  });

  it('moves up and down and stops at the ends', () => {
    expect(ids(moveEnterprise(base, 'c', -1))).toEqual(['a', 'c', 'b']);
    expect(ids(moveEnterprise(base, 'a', 1))).toEqual(['b', 'a', 'c']);
    expect(moveEnterprise(base, 'a', -1)).toBe(base);
    expect(moveEnterprise(base, 'c', 5).enterprises.at(-1)?.id).toBe('c');
  });

  it('falls back to the first enterprise when the default is removed', () => {
    expect(removeEnterprise(base, 'b')).toMatchObject({ defaultId: 'a' });
    expect(removeEnterprise(base, 'c')).toMatchObject({ defaultId: 'b' });
    expect(removeEnterprise({ ...base, enterprises: [sonar('b')] }, 'b').defaultId).toBeUndefined();
  });

  it('sets the default only to an existing enterprise', () => {
    expect(setDefaultEnterprise(base, 'c').defaultId).toBe('c');
    expect(setDefaultEnterprise(base, 'zz').defaultId).toBe('b');
  });
});
