import type { Fix } from '../types';

export type FixVendor = 'entra' | 'okta' | 'generic';
export type IdpKind = 'entra' | 'okta' | 'other';

/** The fix to show first: the one in the issuing IdP's own terms when the rule has one, else the generic one. */
export function preferredFixVendor(fix: Fix, idp: IdpKind | undefined): FixVendor {
  if (idp === 'entra' && fix.entra) return 'entra';
  if (idp === 'okta' && fix.okta) return 'okta';
  return 'generic';
}

export function fixFor(fix: Fix, idp: IdpKind | undefined): string {
  return fix[preferredFixVendor(fix, idp)] ?? fix.generic;
}
