import { certificateLabel, daysUntilExpiry, idpCertificates } from '../trust/trust-facts';
import { defineRule } from './define-rule';
import { RENEW_FIX } from './support/certificate-fix';
import { VENDOR } from './support/docs-links';

const daysSince = (iso: string, now: number) => Math.floor((now - Date.parse(iso)) / 86_400_000);

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
