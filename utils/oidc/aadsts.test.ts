import { describe, expect, it } from 'vitest';
import entraNotAssigned from '../rules/entra-not-assigned';
import { AADSTS, aadstsCodes } from './aadsts';

describe('AADSTS table', () => {
  it('explains the codes admins meet most, each with a fix', () => {
    for (const code of [50105, 50011, 700016, 65001, 90094, 50020, 53003, 50076, 50079, 500011, 7000218, 7000215, 50126, 50034, 16000, 50058]) {
      expect(AADSTS[code]?.meaning, String(code)).toBeTruthy();
      expect(AADSTS[code]?.fix, String(code)).toBeTruthy();
    }
    expect(Object.keys(AADSTS).length).toBeGreaterThanOrEqual(25);
  });

  it("uses entra-not-assigned's wording for AADSTS50105, so SAML and OIDC say the same", () => {
    expect(AADSTS[50105]).toMatchObject({ sameAs: 'entra-not-assigned', meaning: entraNotAssigned.description, fix: entraNotAssigned.fix!.entra });
  });

  it('reads codes from error_codes first, else from the description', () => {
    expect(aadstsCodes('[50011, 7000218]', 'AADSTS1: x')).toEqual([50011, 7000218]);
    expect(aadstsCodes(undefined, 'AADSTS50076: MFA. AADSTS50076 again, AADSTS53003')).toEqual([50076, 53003]);
    expect(aadstsCodes('not json', 'AADSTS50058: x')).toEqual([50058]);
    expect(aadstsCodes(undefined, undefined)).toEqual([]);
  });
});
