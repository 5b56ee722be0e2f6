import { describe, expect, it } from 'vitest';
import type { OrgGroups } from '../rules/types';
import { computeParity, indexOrgGroups, parityForAssertion } from './parity';

const acme: OrgGroups = {
  organization: 'acme',
  groups: [{ name: 'Members', isDefault: true }, { name: 'Developers' }, { name: 'QA-Team' }, { name: 'Admins' }],
};
const globex: OrgGroups = {
  organization: 'globex',
  groups: [{ name: 'Members', isDefault: true }, { name: 'developers' }, { name: 'Release' }],
};

describe('computeParity', () => {
  it('reports the organizations where a value matches exactly', () => {
    const result = computeParity(['Developers', 'Release'], [acme, globex]);
    expect(result.values).toEqual([
      { value: 'Developers', status: 'exact', exactIn: ['acme'], defaultIn: [], caseOnly: [{ organization: 'globex', orgSpelling: ['developers'] }] },
      { value: 'Release', status: 'exact', exactIn: ['globex'], defaultIn: [], caseOnly: [] },
    ]);
    expect(result.organizations.find((o) => o.organization === 'acme')?.matched).toEqual(['Developers']);
    expect(result.noOrgMatch).toBe(false);
  });

  it('flags a value that differs from an organization group only in case, with the org spelling', () => {
    const result = computeParity(['qa-team'], [acme]);
    expect(result.values[0]).toMatchObject({ status: 'case-only', exactIn: [], caseOnly: [{ organization: 'acme', orgSpelling: ['QA-Team'] }] });
    expect(result.organizations[0]?.caseOnly).toEqual([{ value: 'qa-team', orgSpelling: ['QA-Team'] }]);
    expect(result.noOrgMatch).toBe(true);
  });

  it('lists every spelling when an organization holds several case variants', () => {
    const org: OrgGroups = { organization: 'o', groups: [{ name: 'DEV' }, { name: 'Dev' }] };
    expect(computeParity(['dev'], [org]).values[0]?.caseOnly).toEqual([{ organization: 'o', orgSpelling: ['DEV', 'Dev'] }]);
    expect(computeParity(['Dev'], [org]).values[0]?.status).toBe('exact');
  });

  it('reports values that match nothing, and noOrgMatch when none of them match', () => {
    const result = computeParity(['Sales', 'Finance'], [acme, globex]);
    expect(result.values.map((v) => v.status)).toEqual(['none', 'none']);
    expect(result.noOrgMatch).toBe(true);
  });

  it('treats the default group as targeted, not matched, in any case', () => {
    const result = computeParity(['Members', 'members'], [acme]);
    expect(result.values.map((v) => v.status)).toEqual(['default', 'default']);
    expect(result.defaultTargeted).toEqual(['Members', 'members']);
    expect(result.organizations[0]?.defaultTargeted).toBe(true);
    expect(result.organizations[0]?.matched).toEqual([]);
    // Only the default group was named: nothing will be synced.
    expect(result.noOrgMatch).toBe(true);
  });

  it('recognizes a default group by its flag even under another name', () => {
    const org: OrgGroups = { organization: 'o', groups: [{ name: 'Everyone', isDefault: true }] };
    expect(computeParity(['Everyone'], [org]).values[0]?.status).toBe('default');
  });

  it('lists the groups a JIT sign-in will drop, sparing the default group and case variants the user keeps', () => {
    const result = computeParity(['Developers'], [acme, globex], {
      memberships: { acme: ['Developers', 'Admins', 'Members', 'QA-Team'], globex: ['developers'] },
    });
    expect(result.organizations.find((o) => o.organization === 'acme')?.dropped).toEqual(['Admins', 'QA-Team']);
    // Sync is case-sensitive: "Developers" does not keep "developers".
    expect(result.organizations.find((o) => o.organization === 'globex')?.dropped).toEqual(['developers']);
  });

  it('accepts memberships as a Map and leaves dropped empty for organizations without memberships', () => {
    const result = computeParity([], [acme, globex], { memberships: new Map([['acme', ['Admins']]]) });
    expect(result.organizations.map((o) => o.dropped)).toEqual([['Admins'], []]);
    expect(result.noOrgMatch).toBe(false);
  });

  it('does not claim noOrgMatch without organization lists', () => {
    const result = computeParity(['Developers'], []);
    expect(result.values[0]?.status).toBe('none');
    expect(result.noOrgMatch).toBe(false);
  });

  it('reports each distinct value once, in the order sent', () => {
    expect(computeParity(['B', 'A', 'B'], [acme]).values.map((v) => v.value)).toEqual(['B', 'A']);
  });
});

describe('parity against large organizations', () => {
  const big: OrgGroups = {
    organization: 'big',
    groups: Array.from({ length: 10_000 }, (_, i) => ({ name: `Team-${i}` })),
  };
  const values = Array.from({ length: 200 }, (_, i) =>
    i % 3 === 0 ? `Team-${i * 40}` : i % 3 === 1 ? `team-${i * 40}` : `Other-${i}`,
  );

  it('classifies 200 values against 10,000 groups correctly', () => {
    const result = computeParity(values, [big]);
    expect(result.values.filter((v) => v.status === 'exact')).toHaveLength(67);
    expect(result.values.filter((v) => v.status === 'case-only')).toHaveLength(67);
    expect(result.values.filter((v) => v.status === 'none')).toHaveLength(66);
  });

  it('gives the same answer from a prebuilt index as from the organization list', () => {
    const index = indexOrgGroups([big]);
    expect(computeParity(values, index)).toEqual(computeParity(values, [big]));
  });

  it('parityForAssertion builds the index once per organization list and reuses it', () => {
    const orgs = [{ ...big, groups: [...big.groups] }];
    const first = parityForAssertion(['Team-1'], orgs);
    expect(first.values[0]?.exactIn).toEqual(['big']);
    // The cached index does not see a later change to the same array: proof that it was not rebuilt.
    orgs[0]!.groups.length = 0;
    expect(parityForAssertion(['Team-1'], orgs).values[0]?.exactIn).toEqual(['big']);
    // A new array is a new cache key.
    expect(parityForAssertion(['Team-1'], [...orgs]).values[0]?.exactIn).toEqual([]);
  });
});
