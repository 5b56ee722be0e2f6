import { claimList } from '../oidc/decode-jwt';
import { ENTRA_APP_REG, OIDC_SPEC } from './support/docs-links';
import type { Fix, RuleContext } from './types';
import type { OidcMessage } from '../oidc/types';
import { defineRule } from './define-rule';
import { idTokenOf } from './support/oidc-message';

const FIX: Fix = {
  generic:
    "Configure the application with the client ID of the registration that issues its tokens; two registrations (test and production, or two tenants) are the usual cause.",
  entra: `Compare the Application (client) ID in ${ENTRA_APP_REG.overview} with the client ID set in the service.`,
};

export default defineRule<'oidc'>({
  protocols: ['oidc'],
  id: 'oidc-audience-mismatch',
  severity: 'error',
  title: "The ID token's audience is not the client",
  description:
    "The ID token's aud claim does not contain the client_id of the authorization request, or the token lists several audiences and its azp is another client (OIDC Core §3.1.3.7 items 3-5). The application must reject a token issued for someone else.",
  docs: OIDC_SPEC.coreIdTokenValidation,
  fix: FIX,
  appliesTo: ['AuthorizationResponse', 'TokenResponse'],
  check({ message, request }: RuleContext<OidcMessage>) {
    const id = idTokenOf(message);
    const payload = id?.token?.payload;
    const clientId = request?.authorization?.clientId;
    if (!id || !payload || !clientId) return [];
    const aud = claimList(payload, 'aud');
    if (!aud.includes(clientId)) {
      return [
        {
          message: `The ID token is for ${aud.length ? aud.join(', ') : 'no audience'}, not for the client ${clientId} that asked for it: the application rejects it.`,
          evidence: { path: `${id.path}/aud`, value: aud.join(', ') || '(missing)', expected: clientId },
          fix: FIX,
        },
      ];
    }
    const azp = payload.azp;
    if (aud.length > 1 && typeof azp === 'string' && azp !== clientId) {
      return [
        {
          message: `The ID token lists several audiences and was issued to ${azp} (azp), not to the client ${clientId}.`,
          evidence: { path: `${id.path}/azp`, value: azp, expected: clientId },
          fix: FIX,
        },
      ];
    }
    return [];
  },
});
