import { defineRule } from './define-rule';
import { VENDOR, ENTRA, OKTA } from './support/docs-links';
import { deliveredTo } from './support/transport';
import type { Fix } from './types';

const SINGLE_URL_FIX = (label: string): Fix => ({
  generic: `${label} answers 403 when the IdP has more than one sign-on URL configured for the app: configure only one, the value of the Single Sign-On URL field in ${label}'s SSO setup assistant, and remove the others.`,
  entra: `In ${ENTRA.basicSaml}, keep a single Reply URL (the ${label} ACS URL) and remove any other Reply URL or Sign on URL pointing elsewhere.`,
  okta: `In ${OKTA.samlSettings}, keep "Single sign-on URL" as the ${label} ACS URL, untick "Allow this app to request other SSO URLs" and remove the other requestable URLs.`,
});

const GENERIC_FIX: Fix = {
  generic:
    "The service refused the Response after receiving it. Its own logs or error page say why; common causes are an unknown IdP certificate, an entity ID or ACS mismatch (see the other findings), or a user the service does not allow.",
};

export default defineRule({
  id: 'acs-forbidden',
  severity: 'error',
  title: 'The ACS answered HTTP 403',
  description:
    'The POST of the Response to the Assertion Consumer Service was answered 403 Forbidden: the service received the Response and refused it. For SonarQube Cloud, this happens when more than one sign-on URL is configured in the IdP.',
  docs: VENDOR.sonarqubeCloudTroubleshooting,
  fix: SINGLE_URL_FIX('SonarQube Cloud'),
  appliesTo: ['Response'],
  check({ message, flow, profile }) {
    const to = deliveredTo(message);
    if (!to) return [];
    const status = message.httpStatus ?? (flow?.protocol === 'saml' && flow.responseKey === message.key ? flow.acsStatus : undefined);
    if (status !== 403) return [];
    const evidence = { path: 'HTTP status', value: '403', postedTo: to };
    if (profile.singleSignOnUrl) {
      return [
        {
          message: `${profile.label} answered HTTP 403 Forbidden to the Response posted to ${to}. It does so when more than one sign-on URL is configured in the IdP for the app: keep only the Single Sign-On URL.`,
          evidence,
          fix: SINGLE_URL_FIX(profile.label),
        },
      ];
    }
    return [
      {
        message: `The ACS answered HTTP 403 Forbidden to the Response posted to ${to}: the service received the Response and refused it.`,
        evidence,
        fix: GENERIC_FIX,
      },
    ];
  },
});
