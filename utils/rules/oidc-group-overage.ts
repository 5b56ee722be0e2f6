import { ENTRA_APP_REG, ENTRA_OIDC_DOCS } from './support/docs-links';
import type { Fix, RuleContext } from './types';
import type { OidcMessage } from '../oidc/types';
import { defineRule } from './define-rule';
import { idTokenOf } from './support/oidc-message';

const FIX: Fix = {
  generic: 'Send only the groups the service uses, or have the service read them from the provider\'s API.',
  entra: `In ${ENTRA_APP_REG.tokenConfiguration} > Add groups claim (or edit it), choose "Groups assigned to the application" and assign only the groups the service uses under Enterprise applications > your app > Users and groups; or filter the groups in the claim. Otherwise the application must call Microsoft Graph (the _claim_sources endpoint) for the user's groups.`,
};

/** Entra ID's limits: 200 groups in a JWT, 6 when the token travels in a URL (implicit flow). */
const JWT_LIMIT = 200;
const URL_LIMIT = 6;

export default defineRule<'oidc'>({
  protocols: ['oidc'],
  id: 'oidc-group-overage',
  severity: 'error',
  title: 'Entra ID left the groups out of the token (overage)',
  description: `When a user is in more groups than fit in a token (${JWT_LIMIT} in a JWT, ${URL_LIMIT} for an implicit-flow token in a URL), Entra ID omits the groups claim and sends _claim_names/_claim_sources (or hasgroups: true) instead. A service that reads groups from the token then sees none, and group sync removes the user from every group.`,
  docs: ENTRA_OIDC_DOCS.groupOverage,
  fix: FIX,
  appliesTo: ['AuthorizationResponse', 'TokenResponse'],
  check({ message, profile }: RuleContext<OidcMessage>) {
    const id = idTokenOf(message);
    const payload = id?.token?.payload;
    if (!id || !payload) return [];
    const names = payload._claim_names;
    const overage = !!names && typeof names === 'object' && Object.hasOwn(names, 'groups');
    const hasGroups = payload.hasgroups === true || payload.hasgroups === 'true';
    if (!overage && !hasGroups) return [];
    const limit = hasGroups ? `${URL_LIMIT} (a token in a URL)` : String(JWT_LIMIT);
    const consequence = profile.groupSync
      ? `${profile.label} receives no group and its group sync removes the user from every group.`
      : 'the application gets no groups from the token and must fetch them from Microsoft Graph.';
    const source = payload._claim_sources && typeof payload._claim_sources === 'object' ? JSON.stringify(payload._claim_sources) : undefined;
    return [
      {
        message: `Entra ID sent ${hasGroups ? 'hasgroups: true' : '_claim_names.groups'} instead of the groups: the user is in more than ${limit} groups, so ${consequence}`,
        evidence: { path: `${id.path}/${hasGroups ? 'hasgroups' : '_claim_names'}`, value: hasGroups ? 'true' : JSON.stringify(names), ...(source ? { sources: source } : {}) },
        fix: FIX,
      },
    ];
  },
});
