import { defineRule } from './define-rule';
import type { Fix } from './types';
import { SPEC } from './support/docs-links';
import { urlParts } from '../url/url-parts';

/** Browsers treat loopback as a secure context (a developer's own IdP or SP); only other hosts count. */
function plainHttpOrigin(url: string): string | undefined {
  const parsed = urlParts(url);
  if (!parsed || parsed.protocol !== 'http:') return undefined;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return undefined;
  return parsed.origin;
}

const HTTP_FIX: Fix = {
    generic: 'Use https:// for every URL of the sign-in: the service\'s ACS and entity URLs in the IdP, the IdP\'s SSO URL in the service, and any proxy or redirect in between.',
};

export default defineRule({
  id: 'mixed-content-or-http',
  severity: 'warning',
  title: 'A step of the sign-in went over plain HTTP',
  description:
    'A request of the sign-in (a SAML message or a redirect around it) used http:// instead of https://: the assertion, the session cookie or the RelayState can be read or changed on the way, and browsers block or downgrade such steps from https pages.',
  docs: SPEC.bindings,
  fix: HTTP_FIX,
  appliesTo: ['AuthnRequest', 'Response', 'LogoutRequest', 'LogoutResponse', 'ArtifactResolve', 'ArtifactResponse', 'Artifact', 'Unknown'],
  check({ message, flow, messages }) {
    // Standalone messages speak for themselves; a flow speaks once, on the message it starts with.
    if (flow && message.key !== (flow.requestKey ?? flow.messageKeys[0])) return [];
    const urls = flow ? [...flow.messageKeys.map((k) => messages.get(k)?.url ?? ''), ...(flow.hops ?? []).map((h) => h.url)] : [message.url];
    const origins = [...new Set(urls.map(plainHttpOrigin).filter((o): o is string => !!o))];
    if (!origins.length) return [];
    return [
      {
        message: `This sign-in went over plain HTTP at ${origins.join(', ')}: what it carries (the SAML message, the session cookie) can be read or changed on the way.`,
        evidence: { path: 'URL', value: origins.join(' ') },
        fix: HTTP_FIX,
      },
    ];
  },
});
