import { certificateLabel, idpCertificates } from '../trust/trust-facts';
import { defineRule } from './define-rule';
import { RENEW_FIX } from './support/certificate-fix';
import { SPEC } from './support/docs-links';

export default defineRule({
  id: 'weak-signing-key',
  severity: 'warning',
  title: 'The IdP signs with an RSA key under 2048 bits',
  description:
    'The signing certificate has an RSA key shorter than 2048 bits. Such keys are no longer accepted for signatures (NIST SP 800-131A), and services and libraries are dropping them.',
  docs: SPEC.keySizes,
  fix: { ...RENEW_FIX, generic: `Replace the signing certificate with one of a 2048-bit (or larger) RSA key. ${RENEW_FIX.generic}` },
  appliesTo: ['Response'],
  check({ message }) {
    return idpCertificates(message)
      .filter(({ cert }) => cert.keyAlgorithm === 'RSA' && cert.keyBits !== undefined && cert.keyBits < 2048)
      .map(({ cert, source }) => ({
        message: `The IdP signing certificate ${certificateLabel(cert)}, ${source}, has a ${cert.keyBits}-bit RSA key: 2048 bits is the minimum.`,
        evidence: { path: 'Signature/KeyInfo/X509Data/X509Certificate', value: `RSA ${cert.keyBits}`, sha1: cert.sha1, sha256: cert.sha256 },
      }));
  },
});
