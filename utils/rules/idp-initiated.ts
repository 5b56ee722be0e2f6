import { bearerConfirmations } from './support/bearer-confirmation';
import { defineRule } from './define-rule';
import { idpOf } from './support/attribute-lookup';
import { VENDOR, ENTRA, OKTA } from './support/docs-links';
import type { Fix } from './types';

const GENERIC_FIX: Fix = {
  generic:
    "Start the sign-in from the service's own login page so that it sends an AuthnRequest, or, if IdP-initiated sign-in is wanted, enable it in the service's SAML settings.",
};

const SP_ONLY_FIX = (label: string): Fix => ({
  generic: `Start from ${label}'s login URL (or the one-click sign-in link it gives), not from the IdP's app portal: ${label} only accepts Responses to an AuthnRequest it sent.`,
  entra: `In ${ENTRA.basicSaml}, set "Sign on URL" to ${label}'s login URL, so that My Apps starts the sign-in at ${label} instead of posting an unsolicited Response.`,
  okta: `A click on the app tile in the Okta dashboard posts an unsolicited Response: in ${OKTA.appSettings}, tick "Do not display application icon to users", and give users ${label}'s login URL (or a Bookmark app pointing at it) instead.`,
});

const OKTA_EXPRESS_FIX = (label: string): Fix => ({
  generic: `Nothing to fix: with the Okta Express Configuration, ${label} accepts sign-ins started from the Okta dashboard as well as from its own login URL.`,
});

export default defineRule({
  id: 'idp-initiated',
  severity: 'warning',
  title: 'Unsolicited (IdP-initiated) Response',
  description:
    'The Response answers no AuthnRequest: it has no InResponseTo and no request was captured before it. Many services, SonarQube Cloud among them, accept only sign-ins they started (SP-initiated), and IdP-initiated Responses are open to replay and login CSRF. The one exception SonarQube Cloud makes, the Okta dashboard with the Okta Express Configuration, is reported as info.',
  docs: VENDOR.sonarqubeCloudCompleteSetup,
  fix: GENERIC_FIX,
  appliesTo: ['Response'],
  check({ message, flow, profile }) {
    if (!flow?.unsolicited || message.inResponseTo) return [];
    // A bearer confirmation that names a request means the Response answers one, whatever its root says.
    if (message.assertions.some((a) => bearerConfirmations(a).some((c) => c.inResponseTo))) return [];
    const evidence = { path: 'Response/@InResponseTo', value: '(absent)' };
    // Okta Express Configuration: SonarQube Cloud accepts sign-ins started from the Okta dashboard tile.
    if (profile.spInitiatedOnly && profile.oktaExpress && idpOf(message, message.assertions[0]) === 'okta') {
      return [
        {
          severity: 'info',
          message: `This Response was not asked for: an IdP-initiated sign-in from the Okta dashboard, which ${profile.label} supports with the Okta Express Configuration. Nothing to change.`,
          evidence,
          fix: OKTA_EXPRESS_FIX(profile.label),
        },
      ];
    }
    if (profile.spInitiatedOnly) {
      return [
        {
          severity: 'error',
          message: `This Response was not asked for (no InResponseTo, no AuthnRequest before it): an IdP-initiated sign-in, which ${profile.label} refuses. Start from the ${profile.label} login URL or its one-click sign-in link instead of the IdP's app portal.`,
          evidence,
          fix: SP_ONLY_FIX(profile.label),
        },
      ];
    }
    return [
      {
        message:
          'This Response was not asked for (no InResponseTo, no AuthnRequest captured before it): an IdP-initiated sign-in. The SP must accept unsolicited Responses for it to work; if the capture began mid-sign-in, start it again from the service\'s login page.',
        evidence,
        fix: GENERIC_FIX,
      },
    ];
  },
});
