// An OIDC message's key facts, for the CLI report (text and JSON) and the panel's list: what a support engineer
// reads first. Token values and secrets are never repeated here.
import { claimList } from './decode-jwt';
import type { DecodedJwt, OidcMessage } from './types';

function tokenOf(m: OidcMessage): DecodedJwt | undefined {
  return m.response?.idToken ?? m.tokens?.idToken ?? m.endSession?.idTokenHint;
}

/** The JSON facts of a message: stable keys, null when absent. */
export function oidcSummary(m: OidcMessage) {
  const token = tokenOf(m)?.payload;
  return {
    carrier: m.carrier,
    clientId: m.authorization?.clientId ?? m.tokenRequest?.clientId ?? m.endSession?.clientId ?? null,
    state: m.authorization?.state ?? m.response?.state ?? m.error?.state ?? m.endSession?.state ?? null,
    redirectUri: m.authorization?.redirectUri ?? m.response?.redirectTarget ?? m.error?.redirectTarget ?? m.tokenRequest?.redirectUri ?? null,
    issuer: typeof token?.iss === 'string' ? token.iss : (m.discovery?.issuer ?? null),
    audience: token ? claimList(token, 'aud') : null,
    error: m.error ? { error: m.error.error, description: m.error.errorDescription ?? null, aadsts: m.error.aadsts, ...(m.error.bodyMissing ? { bodyMissing: m.error.bodyMissing } : {}) } : null,
    // Only when keys were given (--jwks): reports without them keep their shape.
    ...(m.verification?.idTokenSignature ? { idTokenSignature: m.verification.idTokenSignature } : {}),
  };
}

/** "valid (RS256, kid abc)", or the outcome and why. */
function signatureText(m: OidcMessage): string | undefined {
  const check = m.verification?.idTokenSignature;
  if (!check) return undefined;
  const key = [check.alg, check.kid && `kid ${check.kid}`].filter(Boolean).join(', ');
  return check.outcome === 'valid' ? `valid${key ? ` (${key})` : ''}` : `${check.outcome}: ${check.detail}`;
}

const time = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? new Date(v * 1000).toISOString().replace('.000Z', 'Z') : undefined);

/** Label/value lines for the text report. */
export function oidcKeyFields(m: OidcMessage): Array<[string, string]> {
  const a = m.authorization;
  const t = tokenOf(m);
  const p = t?.payload;
  const out: Array<[string, string | undefined]> = [
    ['client_id', a?.clientId ?? m.tokenRequest?.clientId],
    ['response_type', a?.responseType],
    ['response_mode', a?.responseMode],
    ['redirect_uri', a?.redirectUri ?? m.tokenRequest?.redirectUri],
    ['landed at', m.response?.redirectTarget ?? m.error?.redirectTarget],
    ['state', a?.state ?? m.response?.state ?? m.error?.state],
    ['nonce', a?.nonce],
    ['PKCE', a ? (a.codeChallenge ? (a.codeChallengeMethod ?? 'plain') : /\bcode\b/.test(a.responseType) ? 'none' : undefined) : m.tokenRequest ? (m.tokenRequest.hasCodeVerifier ? 'code_verifier sent' : 'no code_verifier') : undefined],
    ['error', m.error && (m.error.bodyMissing ? `HTTP ${m.httpStatus ?? '4xx'}, ${m.error.bodyMissing === 'absent' ? 'body not captured' : 'body not an OAuth error'}` : [m.error.error, m.error.errorDescription].filter(Boolean).join(': '))],
    ['issuer', typeof p?.iss === 'string' ? p.iss : m.discovery?.issuer],
    ['audience', p ? claimList(p, 'aud').join(', ') : undefined],
    ['subject', typeof p?.sub === 'string' ? p.sub : undefined],
    ['expires', time(p?.exp)],
    ['claims', p ? Object.keys(p).join(', ') : undefined],
    ['token', t?.problem],
    ['signature', signatureText(m)],
  ];
  return out.filter((x): x is [string, string] => !!x[1]);
}
