import { defineRule } from './define-rule';
import { SPEC } from './support/docs-links';
import { deliveredTo } from './support/transport';
import type { Fix } from './types';

/** What a status class usually means at an ACS, so the admin knows where to look first. */
function meaning(status: number): { says: string; fix: Fix } {
  if (status === 404 || status === 405) {
    return {
      says: 'no Assertion Consumer Service listens at that URL (or not for POST)',
      fix: {
        generic: "The IdP posts the Response to a URL the service does not serve: copy the service's ACS URL (its Single Sign-On URL) into the IdP exactly.",
        entra: "In Entra admin center > Enterprise applications > your app > Single sign-on > Basic SAML Configuration, set the Reply URL (Assertion Consumer Service URL) to the service's ACS URL exactly.",
        okta: "In Okta Admin Console > Applications > your app > General > SAML Settings, set \"Single sign-on URL\" to the service's ACS URL exactly.",
      },
    };
  }
  if (status >= 500) {
    return {
      says: 'the service failed while processing the Response (a server error)',
      fix: {
        generic:
          "A server error at the service is not something the IdP settings cause by themselves: check the service's status page, then send its support the redacted HAR (the panel's Export HAR) with the time of the sign-in.",
      },
    };
  }
  return {
    says: 'the service refused the Response as it arrived',
    fix: {
      generic:
        "The service could not accept the POST: compare the other findings of this Response (audience, destination, signature, attributes) with the service's SSO settings; a 400 also comes from a Response too large for the service (many groups) or re-encoded by a proxy.",
    },
  };
}

export default defineRule({
  id: 'acs-error-status',
  severity: 'error',
  title: 'The ACS answered with an HTTP error',
  description:
    'The POST of the Response to the Assertion Consumer Service was answered with a 4xx or 5xx status other than 403 (see acs-forbidden): the sign-in ended at the service with an error page instead of a session.',
  docs: SPEC.bindings,
  fix: meaning(400).fix,
  appliesTo: ['Response'],
  check({ message }) {
    const to = deliveredTo(message);
    const status = message.httpStatus;
    if (!to || status === undefined || status < 400 || status === 403) return [];
    const { says, fix } = meaning(status);
    return [
      {
        message: `The ACS answered HTTP ${status} to the Response posted to ${to}: ${says}.`,
        evidence: { path: 'HTTP status', value: String(status), postedTo: to },
        fix,
      },
    ];
  },
});
