import { ATTRIBUTE_RULES } from './attribute-rules';
import oidcAudienceMismatch from './oidc-audience-mismatch';
import oidcEmailClaimMissing from './oidc-email-claim-missing';
import oidcGroupOverage from './oidc-group-overage';
import oidcIdTokenExpired from './oidc-id-token-expired';
import oidcIdpError from './oidc-idp-error';
import oidcNonceMismatch from './oidc-nonce-mismatch';
import oidcPkceMissing from './oidc-pkce-missing';
import oidcRedirectUriMismatch from './oidc-redirect-uri-mismatch';
import oidcStateMismatch from './oidc-state-mismatch';
import oidcTokenInUrl from './oidc-token-in-url';
import { PROTOCOL_RULES } from './protocol-rules';
import type { Finding, Rule, Severity } from './types';

/** OpenID Connect rules, in the order a sign-in fails: the provider's error, the flow, the token, the claims. */
export const OIDC_RULES: readonly Rule<'oidc'>[] = [
  oidcIdpError,
  oidcStateMismatch,
  oidcRedirectUriMismatch,
  oidcNonceMismatch,
  oidcAudienceMismatch,
  oidcIdTokenExpired,
  oidcGroupOverage,
  oidcEmailClaimMissing,
  oidcPkceMissing,
  oidcTokenInUrl,
];

/** Every rule, in the order findings are listed within a severity. Adding a rule never touches the engine. */
export const RULES: readonly Rule[] = [...PROTOCOL_RULES, ...ATTRIBUTE_RULES, ...OIDC_RULES];

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The worst severity among findings, or null when there are none. */
export function worstSeverity(findings: readonly Pick<Finding, 'severity'>[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings) if (worst === null || SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
