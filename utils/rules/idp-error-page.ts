import type { ErrorPageSighting } from '../flow/types';
import { defineRule } from './define-rule';
import { ENTRA } from './support/docs-links';
import type { Fix, Hit } from './types';

const FIX: Fix = {
  generic: "The IdP stopped the sign-in before sending a Response: its page names the cause. Look the code up in the IdP's error reference and its sign-in log for this user and time.",
  entra: `Look the AADSTS code up in Microsoft's error reference (https://login.microsoftonline.com/error?code=NUMBER) and in ${ENTRA.signInLogs} for this user and time.`,
  okta: 'Open Okta Admin Console > Reports > System Log for this user and time: the event names the policy or assignment that refused the sign-in.',
};

function hitOf(sighting: ErrorPageSighting): Hit {
  const { page } = sighting;
  const what = page.code ? `${page.idp} answered with its error page ${page.code}` : `${page.idp} answered with its error page`;
  return {
    message: `${what}${page.text ? `: "${page.text}"` : ''} (at ${sighting.url}${sighting.status ? `, HTTP ${sighting.status}` : ''}). The sign-in stopped at the IdP.`,
    evidence: { path: 'IdP error page', value: page.code ?? page.text, url: sighting.url, idp: page.idp },
    fix: FIX,
  };
}

export default defineRule({
  id: 'idp-error-page',
  severity: 'error',
  title: 'The IdP showed an error page',
  description:
    "The identity provider answered a step of the sign-in with its own error page (Entra ID's AADSTS codes, Okta's and AD FS's error pages) instead of sending a SAML Response: the sign-in stopped there.",
  docs: 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
  fix: FIX,
  appliesTo: ['AuthnRequest', 'Response', 'LogoutRequest', 'LogoutResponse', 'ArtifactResolve', 'ArtifactResponse', 'Artifact', 'Unknown'],
  check({ message, flow }) {
    // A flow-level fact: told once, on the message the flow starts with.
    if (!flow?.errorPages?.length || message.key !== (flow.requestKey ?? flow.messageKeys[0])) return [];
    const seen = new Set<string>();
    return flow.errorPages.filter((s) => {
      const id = `${s.page.idp}|${s.page.code ?? s.page.text}`;
      return !seen.has(id) && seen.add(id);
    }).map(hitOf);
  },
});
