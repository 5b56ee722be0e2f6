import { ENTRA, OKTA } from './docs-links';
import type { Fix } from '../types';

/** How to have the IdP sign both the Response and the assertion. */
export const SIGN_BOTH_FIX: Fix = {
  generic: "Have the IdP sign both the Response and the assertion (the SP's metadata should say WantAssertionsSigned, and the service's SSO settings may ask for signed Responses).",
  entra: `In ${ENTRA.certificates}, set "Signing Option" to "Sign SAML response and assertion".`,
  okta: `In ${OKTA.advanced}, set "Response" to Signed and "Assertion Signature" to Signed.`,
};
