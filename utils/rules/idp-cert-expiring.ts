import { certificateLabel, daysUntilExpiry, idpCertificates } from '../trust/trust-facts';
import { defineRule } from './define-rule';
import { RENEW_FIX } from './support/certificate-fix';
import { VENDOR } from './support/docs-links';

/** Entra ID e-mails its first expiry notice 60 days ahead; 30 days is when a missed rotation becomes urgent. */
export const EXPIRING_DAYS = 30;

export default defineRule({
  id: 'idp-cert-expiring',
  severity: 'warning',
  title: 'The IdP signing certificate expires within 30 days',
  description:
    'The certificate that signed the message, or a signing certificate in the IdP metadata given, expires within 30 days of the capture (or of --now). Plan the rotation: the new certificate must reach the service before the old one stops working.',
  docs: VENDOR.entraCertificates,
  fix: RENEW_FIX,
  appliesTo: ['Response'],
  check({ message, now }) {
    return idpCertificates(message)
      .filter(({ cert }) => {
        const days = daysUntilExpiry(cert, now);
        return days >= 0 && days < EXPIRING_DAYS;
      })
      .map(({ cert, source }) => {
        const days = daysUntilExpiry(cert, now);
        return {
          message: `The IdP signing certificate ${certificateLabel(cert)}, ${source}, expires on ${cert.notAfter.slice(0, 10)}: ${days === 0 ? 'less than a day' : `${days} day${days === 1 ? '' : 's'}`} after this sign-in.`,
          evidence: { path: 'Signature/KeyInfo/X509Data/X509Certificate', value: cert.notAfter, daysLeft: String(days), sha1: cert.sha1, sha256: cert.sha256 },
          fix: RENEW_FIX,
        };
      });
  },
});
