import { ENTRA, OKTA } from './docs-links';
import type { Fix } from '../types';

/** How to make the IdP send the Response to the URL the SP expects (its ACS), in each IdP's terms. */
export function acsFix(expected: string | undefined, what: string): Fix {
  const url = expected ? ` to ${expected}` : '';
  return {
    generic: `Set the IdP's ${what}${url}: the SP's Assertion Consumer Service (ACS) URL, exactly as its SAML metadata or settings give it (scheme, host, path and trailing slash included).`,
    entra: `In ${ENTRA.basicSaml}, set "Reply URL (Assertion Consumer Service URL)"${url} and mark it Default if there are several.`,
    okta: `In ${OKTA.samlSettings}, set "Single sign-on URL"${url}. Okta puts this URL in Destination and Recipient.`,
  };
}
