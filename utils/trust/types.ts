// Trust material is input, like the HAR (DESIGN.md): per enterprise in the browser, flags on the CLI, never a
// global. The async enrich step reads it and records what it found on each message, before the rules run.
import type { JwtSignatureCheck } from '../oidc/verify-jwt';

export interface TrustMaterial {
  /** IdP federation metadata documents, as XML text (an Entra FederationMetadata.xml, an Okta metadata file). */
  metadata?: readonly string[];
  /** Pinned IdP signing certificates: PEM, or base64 DER. */
  certificates?: readonly string[];
  /** The SP's private key (PEM) to decrypt EncryptedAssertion. Held in memory only: never stored, never exported. */
  decryptionKey?: string;
  /** OpenID Connect providers' published keys (JWKS documents, as JSON text) to check ID token signatures with. */
  jwks?: readonly string[];
}

/** A certificate as shown to the admin. */
export interface CertificateSummary {
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  /** Uppercase hex, as Entra shows it. */
  sha1: string;
  sha256: string;
  keyAlgorithm?: string;
  keyBits?: number;
}

/** One signature of a message, checked. */
export interface SignatureVerification {
  /** The signed element: the message itself, one of its assertions, or the HTTP-Redirect query string. */
  on: 'message' | 'assertion' | 'redirect-query';
  /** Index into `message.assertions` when `on` is 'assertion'. */
  assertionIndex?: number;
  outcome: 'valid' | 'digest-mismatch' | 'signature-mismatch' | 'unsupported' | 'error';
  detail?: string;
  /** The signed element as findings name it, e.g. `Assertion ID="_a1"`. */
  element?: string;
  /** SignatureMethod (or SigAlg) URI. */
  algorithm?: string;
  /** The certificate the signature verified with, or else the one embedded in the message. */
  certificate?: CertificateSummary;
  /**
   * true: verified with a certificate from the trust material; false: only with the embedded one (integrity, not
   * origin); undefined: no trust material was given.
   */
  trusted?: boolean;
}

/** What the enrich step found on a message (`message.verification`). Steps may add fields. */
export interface Verification {
  signatures?: SignatureVerification[];
  /** EncryptedAssertions decrypted with `TrustMaterial.decryptionKey` (appended to `message.assertions`). */
  decryption?: { decrypted: number; failed: number; detail?: string };
  /** An OIDC message's ID token checked against `TrustMaterial.jwks`. */
  idTokenSignature?: JwtSignatureCheck;
  /** A step that failed on this message (never the rules' business to crash on). */
  errors?: string[];
  /** The certificates signatures were checked against: metadata signing certificates and pinned ones. */
  trustedCertificates?: CertificateSummary[];
  /** From the metadata given: the entity IDs and SingleSignOnService locations a message must agree with. */
  metadata?: { entityIds: string[]; ssoLocations: string[] };
}
