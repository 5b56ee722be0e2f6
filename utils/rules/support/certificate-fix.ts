import { ENTRA, OKTA } from './docs-links';
import type { Fix } from '../types';

/** How to put a new IdP signing certificate in place (expired, expiring or weak). */
export const RENEW_FIX: Fix = {
  generic: "Create a new signing certificate in the IdP, make it active, and give it to the service (upload it, or let the service re-read the IdP's metadata) before or at the moment it becomes active.",
  entra: `In ${ENTRA.certificates}, "New Certificate", then "Make certificate active"; upload its "Certificate (Base64)" to the service.`,
  okta: `In ${OKTA.samlSettings}, generate a new certificate (SAML Signing Certificates > Generate new certificate), activate it, and upload it to the service.`,
};
