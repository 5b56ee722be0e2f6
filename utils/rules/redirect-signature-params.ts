import { defineRule } from './define-rule';
import { SPEC } from './support/docs-links';
import type { Fix } from './types';

const FIX: Fix = {
  generic:
    "The sender must put both SigAlg and Signature in the query string, the signature computed over SAMLRequest (or SAMLResponse), RelayState and SigAlg in that order (SAML bindings §3.4.4.1). If the sender does, something between it and the browser (a proxy, a URL rewriter) drops one of them.",
};

export default defineRule({
  id: 'redirect-signature-params',
  severity: 'error',
  title: 'Redirect binding: Signature without SigAlg, or SigAlg without Signature',
  description:
    'An HTTP-Redirect message is signed with two query parameters, SigAlg and Signature, that only work together. With one of them missing the receiver cannot verify the message and, if it requires signed requests, rejects it.',
  docs: SPEC.bindings,
  fix: FIX,
  appliesTo: ['AuthnRequest', 'LogoutRequest', 'LogoutResponse', 'Response'],
  check({ message }) {
    if (message.binding !== 'redirect' || !message.redirectSignature) return [];
    const sigAlg = message.redirectSignature.sigAlg?.trim();
    const signature = message.redirectSignature.signature?.trim();
    if (!!sigAlg === !!signature) return [];
    const [present, absent, value] = sigAlg ? ['SigAlg', 'Signature', sigAlg] : ['Signature', 'SigAlg', signature!];
    return [
      {
        message: `The ${message.kind} was sent by HTTP-Redirect with ${present} but no ${absent}: its signature cannot be verified${sigAlg ? '' : ' (the algorithm is unknown)'}.`,
        evidence: { path: present, value: value.length > 60 ? `${value.slice(0, 60)}…` : value },
        fix: FIX,
      },
    ];
  },
});
