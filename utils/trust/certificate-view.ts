// What the panel's certificate view says about one signing certificate: its facts as label/value rows, and
// whether it is the one the admin configured (IdP metadata or a pinned certificate). Pure: no crypto here.
import { daysUntilExpiry } from './trust-facts';
import type { CertificateSummary, Verification } from './types';

export interface CertificateRow {
  label: string;
  value: string;
}

export type CertificateMatch =
  | { state: 'matches'; text: string }
  | { state: 'differs'; text: string; configured: CertificateSummary[] }
  | { state: 'not-configured'; text: string };

/** "CC:1D:…" → "CC1D…": thumbprints are compared as Entra shows them (uppercase hex, no separators). */
const plain = (hex: string) => hex.replace(/[^0-9a-f]/gi, '').toUpperCase();

function validity(c: CertificateSummary, now: number): string {
  const days = daysUntilExpiry(c, now);
  const range = `${c.notBefore.slice(0, 10)} to ${c.notAfter.slice(0, 10)}`;
  if (Date.parse(c.notBefore) > now) return `${range}: not valid yet`;
  if (days < 0) return `${range}: expired ${-days} ${-days === 1 ? 'day' : 'days'} ago`;
  return `${range}: ${days} ${days === 1 ? 'day' : 'days'} left`;
}

function keyText(c: CertificateSummary & { curve?: string }): string {
  const alg = c.keyAlgorithm ?? 'unknown';
  if (c.keyBits === undefined) return alg;
  return `${alg} ${c.keyBits} bits${c.curve ? ` (${c.curve})` : ''}${alg === 'RSA' && c.keyBits < 2048 ? ': under 2048 bits, weak' : ''}`;
}

/** The rows, in the order an admin compares them with the IdP's portal. */
export function certificateRows(c: CertificateSummary & { curve?: string; serialNumber?: string; signatureAlgorithm?: string }, now: number): CertificateRow[] {
  const rows: CertificateRow[] = [
    { label: 'Subject', value: c.subject || '(empty)' },
    { label: 'Issuer', value: c.issuer || '(empty)' },
    { label: 'Validity', value: validity(c, now) },
    { label: 'SHA-1 thumbprint', value: c.sha1 },
    { label: 'SHA-256 thumbprint', value: c.sha256 },
    { label: 'Key', value: keyText(c) },
  ];
  if (c.signatureAlgorithm) rows.push({ label: 'Signed with', value: c.signatureAlgorithm });
  if (c.serialNumber) rows.push({ label: 'Serial number', value: c.serialNumber });
  return rows;
}

/**
 * Is this the certificate the admin trusts for this IdP? Only the enriched analysis knows (it records the
 * trusted certificates on the message); without metadata or a pinned certificate the question stays open.
 */
export function certificateMatch(c: Pick<CertificateSummary, 'sha256'>, verification: Verification | undefined): CertificateMatch {
  const configured = verification?.trustedCertificates ?? [];
  if (!configured.length) {
    return {
      state: 'not-configured',
      text: "No IdP metadata or certificate is configured for this sign-in: this certificate proves the message was not changed, not who sent it. Add the IdP's metadata to the enterprise in the options to compare.",
    };
  }
  if (configured.some((k) => plain(k.sha256) === plain(c.sha256))) {
    return { state: 'matches', text: verification?.metadata ? "Matches a signing certificate of the IdP's metadata." : 'Matches the configured IdP certificate.' };
  }
  return {
    state: 'differs',
    configured,
    text: `Differs from the ${verification?.metadata ? "IdP metadata's signing certificates" : 'configured IdP certificate'}: the IdP may have rotated its certificate. Update the SP (and the metadata here) with the new one.`,
  };
}

/** A download name for the PEM: the subject's CN and the start of the SHA-1 thumbprint, safe for any file system. */
export function pemFileName(c: Pick<CertificateSummary, 'subject' | 'sha1'>): string {
  const cn = /(?:^|,\s*)CN=([^,]+)/.exec(c.subject)?.[1] ?? 'certificate';
  const safe = cn.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 60) || 'certificate';
  return `${safe}-${plain(c.sha1).slice(0, 8).toLowerCase()}.pem`;
}
