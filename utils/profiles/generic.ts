import { SPEC } from '../rules/support/docs-links';
import { CLAIM } from './claim-uris';
import { defineProfile } from './define-profile';

/** Protocol rules only: nothing is assumed about the SP's attributes or groups. */
export default defineProfile({
  id: 'generic',
  label: 'Generic SAML SP',
  docs: SPEC.core,
  matches: () => ({ by: 'fallback', detail: 'no configured enterprise or known service host in the flow' }),
  expects: {
    attributes: {
      login: [],
      name: [],
      email: ['email', CLAIM.email, 'mail'],
      groups: ['groups', CLAIM.entraGroups, CLAIM.adfsGroup, 'group', 'memberOf'],
    },
    requiredAttributes: [],
    spInitiatedOnly: false,
    groupSync: false,
    signedResponse: false,
    singleSignOnUrl: false,
    provisioning: 'jit',
    oktaExpress: false,
    sp: {},
    mappingGiven: false,
  },
  checks: { attributes: false, groups: false },
});
