import { CLAIM } from './claim-uris';
import type { Profile } from './types';

/** Protocol rules only: nothing is assumed about the SP's attributes or groups. */
export const generic: Profile = {
  id: 'generic',
  label: 'Generic SAML SP',
  attributes: {
    login: [],
    name: [],
    email: ['email', CLAIM.email, 'mail'],
    groups: ['groups', CLAIM.entraGroups, CLAIM.adfsGroup, 'group', 'memberOf'],
  },
  spInitiatedOnly: false,
  groupSync: false,
  requiredAttributes: [],
};
