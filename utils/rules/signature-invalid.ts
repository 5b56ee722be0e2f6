import { signatureLabel, signaturePath } from '../trust/trust-facts';
import type { SignatureVerification } from '../trust/types';
import { defineRule } from './define-rule';
import { ENTRA, OKTA, SPEC } from './support/docs-links';
import type { Fix, Hit } from './types';

const FIX: Fix = {
  generic:
    'A digest that does not match means the signed element changed after signing: look for a proxy, gateway or browser extension that rewrites the form post, or a tool that edited the XML, and capture again without it. A signature value that does not verify means another key signed it, or SignedInfo changed: re-import the IdP certificate in the service, or have the IdP sign again with its current certificate.',
  entra: `If it fails on a clean capture, check ${ENTRA.certificates}: the active certificate is the one that signs.`,
  okta: `If it fails on a clean capture, check ${OKTA.samlSettings}: the signing certificate shown there is the one that signs.`,
};

// The query string of a request (AuthnRequest, LogoutRequest) is signed by the SP, whose key the IdP's trust
// material does not hold: a mismatch there says nothing.
const failed = (kind: string, s: SignatureVerification) =>
  s.outcome === 'digest-mismatch' || s.outcome === 'error' || (s.outcome === 'signature-mismatch' && !(s.on === 'redirect-query' && /Request$/.test(kind)));

export default defineRule({
  id: 'signature-invalid',
  severity: 'error',
  title: 'The signature does not verify',
  description:
    'A signature of the message fails XML Signature core validation: the digest of the signed element does not match (the content changed or was re-encoded after signing), or the signature value does not verify (another key signed it, or SignedInfo changed). The SP rejects the message. Checked only when the message is verified (signed messages, or trust material given).',
  docs: SPEC.xmldsigValidation,
  fix: FIX,
  appliesTo: ['Response', 'AuthnRequest', 'LogoutRequest', 'LogoutResponse'],
  check({ message }) {
    const hits: Hit[] = [];
    for (const s of message.verification?.signatures ?? []) {
      if (!failed(message.kind, s)) continue;
      const what = s.outcome === 'digest-mismatch' ? 'digest' : s.outcome === 'signature-mismatch' ? 'signature value' : 'signature';
      hits.push({
        message: `${signatureLabel(message, s).replace(/^t/, 'T')} does not verify (${what}): ${s.detail ?? 'the signature cannot be checked'}.`,
        evidence: { path: signaturePath(message, s), value: s.outcome, ...(s.element ? { element: s.element } : {}), ...(s.algorithm ? { algorithm: s.algorithm } : {}) },
        fix: FIX,
      });
    }
    return hits;
  },
});
