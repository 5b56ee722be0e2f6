import { describe, expect, it } from 'vitest';
import { postEntry, b64 } from '../../../tests/support/har-builder';
import { buildResponse, ENTRA_ISSUER, SONAR_ACS, SONAR_USER } from '../../../tests/support/response-builder';
import { analyze } from '../../analyze';
import { defaultProfile, withMapping } from '../../profiles';
import { readGroupClaim, splitObjectIds } from './group-claim';
import { readParity } from './org-parity';
import type { RuleContext } from '../types';

const GROUPS = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups';
const ID = '7f3c2a1e-9b4d-4e21-a8f0-3c5d6e7f8a9b';

function contextFor(groups: string[]): RuleContext {
  const xml = buildResponse({ issuer: ENTRA_ISSUER, attributes: { ...SONAR_USER, [GROUPS]: groups } });
  const { messages } = analyze([postEntry(SONAR_ACS, 'SAMLResponse', b64(xml))], { rules: [] });
  return {
    message: messages[0]!,
    messages: new Map(messages.map((m) => [m.key, m])),
    profile: defaultProfile('sonarqube-cloud'),
    reason: { by: 'chosen', detail: 'test' },
    orgGroups: [{ organization: 'acme', groups: [{ name: 'Developers' }] }],
    now: 0,
    nowSource: 'option',
    trustGiven: false,
    skewSeconds: 300,
  };
}

describe('readGroupClaim', () => {
  it('reads the claim once per rule context and shares it between the rules', () => {
    const ctx = contextFor(['Developers', ID]);
    const claim = readGroupClaim(ctx);
    expect(claim?.values).toEqual(['Developers', ID]);
    expect(readGroupClaim(ctx)).toBe(claim);
    expect(splitObjectIds(claim!)).toEqual({ ids: [ID], names: ['Developers'] });
    expect(splitObjectIds(claim!)).toBe(splitObjectIds(claim!));
    expect(readParity(ctx)).toBe(readParity(ctx));
    expect(readParity(ctx)?.parity.values.map((v) => v.status)).toEqual(['exact', 'none']);
  });

  it('reads it again when the context now holds another profile or message', () => {
    const ctx = contextFor(['Developers']);
    const claim = readGroupClaim(ctx);
    ctx.profile = { ...defaultProfile('sonarqube-cloud'), groupSync: false };
    expect(readGroupClaim(ctx)).toBeUndefined();
    ctx.profile = withMapping(defaultProfile('sonarqube-cloud'), { groups: ['team'] });
    expect(readGroupClaim(ctx)).not.toBe(claim);
    expect(readGroupClaim(ctx)).toEqual(claim);
    ctx.profile = defaultProfile('sonarqube-cloud');
    ctx.message = contextFor(['Testers']).message;
    expect(readGroupClaim(ctx)?.values).toEqual(['Testers']);
    expect(readParity(ctx)?.parity.values.map((v) => v.value)).toEqual(['Testers']);
  });
});
