import { defineRule } from './define-rule';
import { SPEC } from './support/docs-links';
import type { Fix, Hit } from './types';

const FIX: Fix = {
  generic:
    "The metadata given and the IdP that answered disagree: either the service holds another IdP's metadata (another tenant, an old app), or the IdP's settings changed. Re-import the metadata of the IdP app this sign-in goes to, or correct the IdP identifier and sign-on URL in the service's SSO settings.",
  entra: 'The entity ID is "Microsoft Entra Identifier" and the SSO location "Login URL": Entra admin center > Enterprise applications > your app > Single sign-on, section "Set up <app>".',
  okta: 'The entity ID is "Identity Provider Issuer" and the SSO location "Identity Provider Single Sign-On URL": Okta Admin Console > Applications > your app > Sign On > View SAML setup instructions.',
};

const norm = (s: string) => s.trim();

export default defineRule({
  id: 'metadata-mismatch',
  severity: 'error',
  title: 'The message does not match the IdP metadata',
  description:
    "With IdP metadata given: the Response's Issuer is not the metadata's entityID, or the AuthnRequest is sent to a Destination that is not one of the metadata's SingleSignOnService locations. The service is set up for another IdP (or tenant) than the one this sign-in uses.",
  docs: SPEC.metadata,
  fix: FIX,
  appliesTo: ['Response', 'AuthnRequest'],
  check({ message }) {
    const md = message.verification?.metadata;
    if (!md || !md.entityIds.length) return [];
    const hits: Hit[] = [];
    if (message.kind === 'Response') {
      const issuers = [message.issuer, ...message.assertions.map((a) => a.issuer)].filter((x): x is string => !!x?.trim());
      const wrong = issuers.find((i) => !md.entityIds.some((e) => norm(e) === norm(i)));
      if (wrong !== undefined) {
        hits.push({
          message: `The Issuer "${wrong}" is not the entityID of the metadata given (${md.entityIds.map((e) => `"${e}"`).join(', ')}): the service expects another IdP.`,
          evidence: { path: wrong === message.issuer ? 'Response/Issuer' : 'Assertion/Issuer', value: wrong, expected: md.entityIds.join(', ') },
          fix: FIX,
        });
      }
    } else if (message.destination && md.ssoLocations.length && !md.ssoLocations.some((l) => norm(l) === norm(message.destination!))) {
      hits.push({
        message: `The AuthnRequest is sent to "${message.destination}", which is not a SingleSignOnService location of the metadata given (${md.ssoLocations.map((l) => `"${l}"`).join(', ')}).`,
        evidence: { path: 'AuthnRequest/@Destination', value: message.destination, expected: md.ssoLocations.join(', ') },
        fix: FIX,
      });
    }
    return hits;
  },
});
