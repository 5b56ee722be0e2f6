// What the certificate and signature rules say about verification results, worded once.
import type { Message } from '../protocols/types';
import type { CertificateSummary, SignatureVerification } from './types';

/** "the Response signature", "the assertion signature", "the query-string signature". */
export function signatureLabel(message: Message, s: SignatureVerification): string {
  if (s.on === 'redirect-query') return `the ${message.kind}'s query-string signature (HTTP-Redirect)`;
  if (s.on === 'message') return `the ${message.kind} signature`;
  const n = message.protocol === 'saml' ? message.assertions.length : 0;
  return n > 1 && s.assertionIndex !== undefined ? `the signature of assertion ${s.assertionIndex + 1} of ${n}` : 'the assertion signature';
}

/** Where the signature sits, as an evidence path. */
export function signaturePath(message: Message, s: SignatureVerification): string {
  if (s.on === 'redirect-query') return 'Signature';
  return s.on === 'message' ? `${message.kind}/Signature` : 'Assertion/Signature';
}

/** "CN=idp (SHA-1 AB…, SHA-256 CD…)": how an admin matches a certificate with the IdP's portal. */
export function certificateLabel(c: CertificateSummary): string {
  return `${c.subject || '(no subject)'} (SHA-1 ${c.sha1}, SHA-256 ${c.sha256})`;
}

/**
 * The IdP's signing certificates this message lets us see: the one each signature of an IdP message verified
 * with (or carries), then every trusted one (metadata, pinned), each once.
 */
export function idpCertificates(message: Message): Array<{ cert: CertificateSummary; source: string }> {
  const v = message.verification;
  if (!v) return [];
  const out: Array<{ cert: CertificateSummary; source: string }> = [];
  const add = (cert: CertificateSummary, source: string) => {
    if (!out.some((o) => o.cert.sha256 === cert.sha256)) out.push({ cert, source });
  };
  for (const s of v.signatures ?? []) if (s.certificate) add(s.certificate, `used by ${signatureLabel(message, s)}`);
  for (const c of v.trustedCertificates ?? []) add(c, v.metadata ? 'trusted (metadata or pinned)' : 'pinned');
  return out;
}

const DAY_MS = 86_400_000;

/** Whole days from `now` until the certificate's notAfter; negative once expired. */
export function daysUntilExpiry(c: CertificateSummary, now: number): number {
  return Math.floor((Date.parse(c.notAfter) - now) / DAY_MS);
}
