import { describeDuration } from '../panel/time-wording';
import { claimTime } from '../oidc/decode-jwt';
import { OIDC_SPEC } from './support/docs-links';
import type { Fix, RuleContext } from './types';
import type { OidcMessage } from '../oidc/types';
import { defineRule } from './define-rule';
import { idTokenOf } from './support/oidc-message';

const FIX: Fix = {
  generic:
    "Check the clocks: the provider's, and the application server's (NTP). A token that was already expired when it arrived was issued by a provider whose clock runs late, or was cached or replayed; one that is not yet valid comes from a provider whose clock runs ahead.",
};

export default defineRule<'oidc'>({
  protocols: ['oidc'],
  id: 'oidc-id-token-expired',
  severity: 'error',
  title: 'The ID token was expired (or not yet valid) when it arrived',
  description:
    "The ID token's exp is past, or its nbf or iat is ahead, at the time the response was captured, beyond the tolerated clock skew (OIDC Core §3.1.3.7 items 9-10, RFC 7519 §4.1.4). The application rejects it.",
  docs: OIDC_SPEC.coreIdTokenValidation,
  fix: FIX,
  appliesTo: ['AuthorizationResponse', 'TokenResponse'],
  check({ message, now, nowSource, skewSeconds }: RuleContext<OidcMessage>) {
    const id = idTokenOf(message);
    const payload = id?.token?.payload;
    if (!id || !payload) return [];
    const skew = skewSeconds * 1000;
    const when = nowSource === 'capture' ? 'when it was captured' : 'now';
    const exp = claimTime(payload, 'exp');
    if (exp !== undefined && now >= exp + skew) {
      return [
        {
          message: `The ID token expired ${describeDuration(now - exp)} before it arrived (exp ${new Date(exp).toISOString()}, checked ${when}, ${skewSeconds} s of skew allowed).`,
          evidence: { path: `${id.path}/exp`, value: String(payload.exp), at: new Date(exp).toISOString() },
          fix: FIX,
        },
      ];
    }
    for (const claim of ['nbf', 'iat'] as const) {
      const t = claimTime(payload, claim);
      if (t !== undefined && t > now + skew) {
        return [
          {
            message: `The ID token's ${claim} is ${describeDuration(t - now)} in the future ${when} (${new Date(t).toISOString()}): the provider's clock runs ahead, and the application rejects the token as not yet valid.`,
            evidence: { path: `${id.path}/${claim}`, value: String(payload[claim]), at: new Date(t).toISOString() },
            fix: FIX,
          },
        ];
      }
    }
    return [];
  },
});
