import { AADSTS, ENTRA_ERROR_CODES_DOC } from '../oidc/aadsts';
import type { Fix, RuleContext } from './types';
import type { OidcMessage } from '../oidc/types';
import { defineRule } from './define-rule';
import { quote } from './support/oidc-message';

// OAuth 2.0 (RFC 6749 §4.1.2.1, §5.2) and OIDC Core §3.1.2.6 error codes, for providers that send no AADSTS code.
const OAUTH_ERRORS: Readonly<Record<string, string>> = {
  invalid_request: 'the request is missing a parameter or has one the provider refuses',
  unauthorized_client: 'the client is not allowed to use this flow (response_type or grant type)',
  access_denied: 'the user or the provider refused the request',
  unsupported_response_type: 'the provider does not support this response_type for the client',
  invalid_scope: 'a requested scope is unknown or not allowed',
  server_error: 'the provider hit an internal error',
  temporarily_unavailable: 'the provider is overloaded or in maintenance',
  interaction_required: 'the user must interact (prompt=none cannot complete)',
  login_required: 'the user must sign in (prompt=none found no session)',
  account_selection_required: 'the user must choose an account',
  consent_required: 'the user (or an admin) must consent first',
  invalid_grant: 'the code or refresh token is invalid, expired, already used, or was issued for another redirect URI or client',
  invalid_client: 'the client could not be authenticated (wrong or missing secret or assertion)',
  unsupported_grant_type: 'the provider does not support this grant type',
};

/** When the token endpoint's answer was not captured: where to read it, and what a refused token call most often is. */
const UNREAD_FIX: Fix = {
  generic:
    "Read the token endpoint's answer where it was seen: the browser's DevTools, Network tab, the token request, Response (or a HAR saved with its content). A refused code redemption is most often invalid_grant: the code was already used, expired, or is redeemed with another redirect_uri or code_verifier than the authorization request's.",
  entra:
    "Read the answer in the browser's DevTools (Network tab, the token request, Response), or find the failed sign-in in Entra admin center > Sign-in logs. AADSTS9002326 there means the redirect URI is not registered under 'Single-page application'; AADSTS70008 that the code expired or was already redeemed.",
  okta: "Read the answer in the browser's DevTools (Network tab, the token request, Response), or in Okta Admin Console > Reports > System Log for the app; invalid_grant means the code expired, was used twice, or its redirect_uri or PKCE verifier differs.",
};

const FIX: Fix = {
  generic: "Read the provider's error and description; fix the setting it names in the provider's application registration, then sign in again.",
  entra: 'Look the AADSTS code up in the table of this rule\'s reference, or open Entra admin center > Sign-in logs and find the failed sign-in by its Correlation ID.',
};

export default defineRule<'oidc'>({
  protocols: ['oidc'],
  id: 'oidc-idp-error',
  severity: 'error',
  title: 'The identity provider answered with an error',
  description:
    "An OpenID Connect error response (error, error_description) at the redirect URI or from the token endpoint, or Entra ID's own error page after the authorization request. Entra ID's AADSTS code, when present, is explained with its fix. A token call the endpoint refused (HTTP 4xx/5xx) whose body was not captured is reported with its status, and says so.",
  docs: ENTRA_ERROR_CODES_DOC,
  fix: FIX,
  appliesTo: ['ErrorResponse'],
  check({ message }: RuleContext<OidcMessage>) {
    const e = message.error;
    if (!e) return [];
    if (e.bodyMissing) {
      const status = message.httpStatus !== undefined ? `HTTP ${message.httpStatus}` : 'an error status';
      const why =
        e.bodyMissing === 'absent'
          ? 'its body, where the provider names the error (invalid_grant, invalid_client, …), was not captured (the background recorder cannot read bodies; a HAR may be saved without them; DevTools may not have kept it)'
          : 'its body is not an OAuth error (no "error" field), so the provider gave no reason this capture can read';
      return [{ message: `the token endpoint answered ${status} to the browser's token call: the tokens were refused, and ${why}.`, evidence: { path: 'token endpoint response', value: status }, fix: UNREAD_FIX }];
    }
    const description = e.errorDescription ? ` ${quote(e.errorDescription)}` : '';
    const code = e.aadsts.find((c) => Object.hasOwn(AADSTS, c)) ?? e.aadsts[0];
    const entry = code !== undefined && Object.hasOwn(AADSTS, code) ? AADSTS[code] : undefined;
    const where = message.carrier === 'html' ? "Entra ID's error page" : message.carrier === 'json' ? 'the token endpoint' : 'the provider';
    const ids = [e.correlationId && `Correlation ID ${e.correlationId}`, e.traceId && `Trace ID ${e.traceId}`].filter(Boolean).join(', ');
    const evidence = {
      path: message.carrier === 'html' ? 'response body' : `${message.carrier}/error_description`,
      value: e.errorDescription ?? e.error,
      ...(code !== undefined ? { code: `AADSTS${code}` } : {}),
      ...(ids ? { ids } : {}),
    };
    if (entry) {
      return [
        {
          message: `${where} refused the sign-in with AADSTS${code}${entry.name ? ` (${entry.name})` : ''}: ${entry.meaning}${description ? ` Provider text:${description}.` : ''}${ids ? ` ${ids}.` : ''}`,
          evidence,
          fix: { generic: entry.fix, entra: entry.fix },
        },
      ];
    }
    if (message.carrier === 'html') {
      return [{ message: `${where} shows ${e.errorDescription ? quote(e.errorDescription) : 'an error'}.${ids ? ` ${ids}.` : ''}`, evidence, fix: FIX }];
    }
    const known = Object.hasOwn(OAUTH_ERRORS, e.error) ? OAUTH_ERRORS[e.error] : undefined;
    return [
      {
        message: `${where} answered "${e.error}"${known ? ` (${known})` : ''}${code !== undefined ? ` with AADSTS${code}` : ''}.${description ? ` Provider text:${description}.` : ''}${ids ? ` ${ids}.` : ''}`,
        evidence,
        fix: FIX,
      },
    ];
  },
});
