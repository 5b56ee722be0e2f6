import { certificateLabel, daysUntilExpiry, idpCertificates } from '../trust/trust-facts';
import { defineRule } from './define-rule';
import { ENTRA, OKTA, VENDOR } from './protocol-docs';
import type { Fix } from './types';

const daysSince = (iso: string, now: number) => Math.floor((now - Date.parse(iso)) / 86_400_000);

export const RENEW_FIX: Fix = {
  generic: "Create a new signing certificate in the IdP, make it active, and give it to the service (upload it, or let the service re-read the IdP's metadata) before or at the moment it becomes active.",
  entra: `In ${ENTRA.certificates}, "New Certificate", then "Make certificate active"; upload its "Certificate (Base64)" to the service.`,
  okta: `In ${OKTA.samlSettings}, generate a new certificate (SAML Signing Certificates > Generate new certificate), activate it, and upload it to the service.`,
};

export default defineRule({
  id: 'idp-cert-expired',
  severity: 'error',
  title: 'The IdP signing certificate has expired',
  description:
    'The certificate that signed the message, or a signing certificate in the IdP metadata given, was past its notAfter date at the capture (or at --now). Many services refuse a signature from an expired certificate; all of them will once it is replaced on one side only.',
  docs: VENDOR.entraCertificates,
  fix: RENEW_FIX,
  appliesTo: ['Response'],
  check({ message, now }) {
    return idpCertificates(message)
      .filter(({ cert }) => daysUntilExpiry(cert, now) < 0)
      .map(({ cert, source }) => ({
        message: `The IdP signing certificate ${certificateLabel(cert)}, ${source}, expired on ${cert.notAfter.slice(0, 10)} (${daysSince(cert.notAfter, now)} days before this sign-in).`,
        evidence: { path: 'Signature/KeyInfo/X509Data/X509Certificate', value: cert.notAfter, sha1: cert.sha1, sha256: cert.sha256 },
        fix: RENEW_FIX,
      }));
  },
});
