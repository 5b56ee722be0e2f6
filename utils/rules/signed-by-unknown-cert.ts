import { certificateLabel, signatureLabel, signaturePath } from '../trust/trust-facts';
import { defineRule } from './define-rule';
import { ENTRA, OKTA, VENDOR } from './support/docs-links';
import type { Fix, Hit } from './types';

const FIX: Fix = {
  generic:
    "The IdP signs with a certificate the service does not trust (it rotated its signing certificate, or the service holds an old one). Download the IdP's current signing certificate (or its metadata) and replace the certificate in the service's SSO settings; or, if the rotation was not planned, make the old certificate active again in the IdP.",
  entra: `In ${ENTRA.certificates}, compare the thumbprint of the Active certificate with the one the service holds; download "Certificate (Base64)" and upload it to the service.`,
  okta: `In ${OKTA.samlSettings}, download the signing certificate (or the IdP metadata) and upload it to the service.`,
};

export default defineRule({
  id: 'signed-by-unknown-cert',
  severity: 'error',
  title: 'Signed with a certificate other than the trusted one',
  description:
    "The signature is intact, but it verifies only with the certificate the message carries, not with the IdP certificate the service trusts (from the metadata or a pinned certificate). The usual cause is a rotated IdP signing certificate. Needs trust material; both certificates' SHA-1 (as Entra ID shows it) and SHA-256 thumbprints are given.",
  docs: VENDOR.entraCertificates,
  fix: FIX,
  appliesTo: ['Response', 'LogoutResponse'],
  check({ message }) {
    const v = message.verification;
    const trusted = v?.trustedCertificates ?? [];
    const hits: Hit[] = [];
    for (const s of v?.signatures ?? []) {
      if (s.outcome !== 'valid' || s.trusted !== false) continue;
      const signer = s.certificate ? certificateLabel(s.certificate) : 'a key the message carries';
      const expected = trusted.map(certificateLabel).join('; ') || '(none readable)';
      hits.push({
        message: `${signatureLabel(message, s).replace(/^t/, 'T')} verifies with ${signer}, not with the trusted ${trusted.length > 1 ? 'certificates' : 'certificate'} ${expected}: the IdP signs with another certificate than the service expects.`,
        evidence: {
          path: signaturePath(message, s),
          value: s.certificate?.sha1 ?? '(no certificate)',
          signerSha1: s.certificate?.sha1,
          signerSha256: s.certificate?.sha256,
          trustedSha1: trusted.map((c) => c.sha1).join(', '),
          trustedSha256: trusted.map((c) => c.sha256).join(', '),
        },
        fix: FIX,
      });
    }
    return hits;
  },
});
