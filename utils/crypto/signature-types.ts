import type { CertificateDetails, CertificateSummary } from './certificate';

export type SignatureOutcome = 'valid' | 'digest-mismatch' | 'signature-mismatch' | 'unsupported' | 'error';

/** One checked signature (the shape the engine's `Verification.signatures` carries). */
export interface SignatureVerification {
  on: 'message' | 'assertion' | 'redirect-query';
  /** Which assertion of the Response, in document order (readable ones only). */
  assertionIndex?: number;
  outcome: SignatureOutcome;
  /** Why it failed, naming the element: `the digest of Assertion ID="_a1" does not match…`. */
  detail?: string;
  /** The signed element, e.g. `Assertion ID="_a1"`. */
  element?: string;
  /** SignatureMethod (or SigAlg) URI. */
  algorithm?: string;
  /** The certificate whose key verified the signature, else the one the message carries. */
  certificate?: CertificateSummary;
  /** Verified with a trusted certificate (true), only with another one (false); undefined without trust material. */
  trusted?: boolean;
}

/** Trust material once parsed: the certificates a signature must verify with to prove its origin. */
export interface PreparedTrust {
  certificates: CertificateDetails[];
}
