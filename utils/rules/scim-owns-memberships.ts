import { defineRule } from './define-rule';
import { VENDOR } from './support/docs-links';
import type { Fix } from './types';

const FIX: Fix = {
  generic:
    "Nothing to change in the assertion. To change a user's organization groups, change the group memberships the IdP provisions over SCIM (its SCIM provisioning settings or log), not the SAML group claim.",
  entra: 'In Entra ID, check Enterprise applications > your app > Provisioning (Provisioning logs) for the user and their groups.',
  okta: 'In Okta, check Applications > your app > Provisioning and Push Groups for the user and their groups.',
};

export default defineRule({
  id: 'scim-owns-memberships',
  severity: 'info',
  title: 'SCIM sets group memberships, not the assertion',
  description:
    "With SCIM provisioning, the service creates users and sets their group memberships from SCIM: the assertion's group claim (if any) changes no membership, so the group checks of the assertion are not run.",
  docs: VENDOR.sonarqubeCloudScim,
  fix: FIX,
  appliesTo: ['Response'],
  judges: 'groups',
  check({ message, profile }) {
    if (profile.provisioning !== 'scim' || !profile.groupSync || !message.assertions.length) return [];
    return [
      {
        message: `${profile.label} uses SCIM provisioning here: user accounts and group memberships come from SCIM, not from this assertion, so its group claim is not checked.`,
        evidence: { path: 'Assertion/AttributeStatement', value: 'provisioning: scim' },
        fix: FIX,
      },
    ];
  },
});
