// The rule contract for OpenID Connect messages: the same shape as SAML rules (id, severity, title, description,
// docs, fix, appliesTo, a pure check returning hits), over an OIDC message and its flow.
import type { OidcServiceProfile } from '../oidc/service-profiles';
import type { OidcFlow } from '../oidc/pair-flows';
import type { OidcKind, OidcMessage } from '../oidc/types';
import type { Fix, Hit, Severity } from './types';

export interface OidcRuleContext {
  message: OidcMessage;
  flow: OidcFlow;
  /** The flow's AuthorizationRequest, when captured and not the message itself. */
  request?: OidcMessage;
  /** Every OIDC message of the analysis, by key. */
  messages: ReadonlyMap<string, OidcMessage>;
  profile: OidcServiceProfile;
  /** "Now" for time rules (the capture time when known), ms since the epoch. */
  now: number;
  nowSource: 'capture' | 'option' | 'wall-clock';
  skewSeconds: number;
}

export interface OidcRule {
  id: string;
  protocol: 'oidc';
  severity: Severity;
  title: string;
  description: string;
  docs: string;
  fix?: Fix;
  appliesTo: OidcKind[];
  check(ctx: OidcRuleContext): Hit[];
}

export function defineOidcRule(rule: Omit<OidcRule, 'protocol'>): OidcRule {
  return { protocol: 'oidc', ...rule };
}

/** Quote a value in a finding without letting a huge or multi-line one take over the message. */
export function quote(value: string, max = 200): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max)}…` : flat}"`;
}

/** The ID token a message carries (an authorization response's or a token response's), when readable. */
export function idTokenOf(message: OidcMessage): { token: NonNullable<OidcMessage['tokens']>['idToken']; path: string } | undefined {
  if (message.response?.idToken) return { token: message.response.idToken, path: `${message.carrier === 'fragment' ? 'fragment' : message.carrier}/id_token` };
  if (message.tokens?.idToken) return { token: message.tokens.idToken, path: 'token response/id_token' };
  return undefined;
}
