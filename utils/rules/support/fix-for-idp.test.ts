import { describe, expect, it } from 'vitest';
import { fixFor, preferredFixVendor } from './fix-for-idp';

const fix = { entra: 'In Entra ID, add the claim.', okta: 'In Okta, add the statement.', generic: 'Send the attribute.' };

describe('fix for the issuing IdP', () => {
  it("gives the fix in the IdP's own terms when the rule has one", () => {
    expect(fixFor(fix, 'entra')).toBe(fix.entra);
    expect(fixFor(fix, 'okta')).toBe(fix.okta);
  });

  it('gives the generic fix for any other IdP, or when the rule has none for this IdP', () => {
    expect(fixFor(fix, 'other')).toBe(fix.generic);
    expect(fixFor(fix, undefined)).toBe(fix.generic);
    expect(fixFor({ generic: 'x', entra: 'y' }, 'okta')).toBe('x');
    expect(preferredFixVendor({ generic: 'x' }, 'entra')).toBe('generic');
  });
});
