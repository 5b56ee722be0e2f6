import { defineRule } from './define-rule';
import { checkRequiredAttribute } from './support/required-attribute';
import { VENDOR, ENTRA, OKTA } from './support/docs-links';
import type { Fix } from './types';

const FIX: Fix = {
  generic:
    "Send a stable, unique user identifier as an attribute named exactly as SonarQube Cloud's SSO setup assistant gives it (Login): copy the name from the assistant into the IdP's attribute mapping.",
  entra: `In ${ENTRA.claims}, keep the default claim "name" (http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name, source user.userprincipalname) or add a claim "login" with that source.`,
  okta: `In ${OKTA.samlSettings} > Attribute Statements, add Name "login", Value user.login.`,
};

export default defineRule({
  id: 'login-attribute-missing',
  severity: 'error',
  title: 'No login attribute',
  description:
    'The service requires a login attribute (the user\'s unique identifier) and the assertion has none under any of the names the profile accepts, or has it empty.',
  docs: VENDOR.sonarqubeCloudSso,
  fix: FIX,
  appliesTo: ['Response'],
  judges: 'attributes',
  check: (ctx) => checkRequiredAttribute(ctx, 'login', FIX),
});
