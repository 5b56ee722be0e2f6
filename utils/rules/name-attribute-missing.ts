import { defineRule } from './define-rule';
import { checkRequiredAttribute } from './support/required-attribute';
import { VENDOR, ENTRA, OKTA } from './support/docs-links';
import type { Fix } from './types';

const FIX: Fix = {
  generic:
    "Send the user's display name as an attribute named exactly as SonarQube Cloud's SSO setup assistant gives it (Name): copy the name from the assistant into the IdP's attribute mapping.",
  entra: `In ${ENTRA.claims}, add a claim "name" (or "displayname") with source attribute user.displayname, and make sure users have a display name.`,
  okta: `In ${OKTA.samlSettings} > Attribute Statements, add Name "name", Value user.displayName (or String.join(" ", user.firstName, user.lastName)).`,
};

export default defineRule({
  id: 'name-attribute-missing',
  severity: 'error',
  title: 'No name attribute',
  description:
    "The service requires the user's display name and the assertion has no attribute under any of the names the profile accepts, or has it empty.",
  docs: VENDOR.sonarqubeCloudSso,
  fix: FIX,
  appliesTo: ['Response'],
  judges: 'attributes',
  check: (ctx) => checkRequiredAttribute(ctx, 'name', FIX),
});
