// What signature checking and decryption add to a message (the engine's `Verification`), as plain data.
import type { CertificateSummary } from './certificate';
import type { SignatureVerification } from './signature-types';

export type { CertificateSummary, SignatureVerification };

/** Trust material as the user gives it: texts, parsed on demand. The decryption key is held in memory only. */
export interface TrustMaterial {
  /** SAML metadata XML documents (the IdP's federation metadata). */
  metadata?: readonly string[];
  /** Certificates (PEM, or base64 DER) the IdP is trusted to sign with. */
  certificates?: readonly string[];
  /** The SP's private key (PEM) for EncryptedAssertion. */
  decryptionKey?: string;
}

export interface Verification {
  signatures?: SignatureVerification[];
  decryption?: { decrypted: number; failed: number; detail?: string };
  errors?: string[];
  /** The certificates the signatures were checked against (metadata signing certificates and pinned ones). */
  trustedCertificates?: CertificateSummary[];
  /** From the metadata given: the entity IDs and SingleSignOnService locations a message must agree with. */
  metadata?: { entityIds: string[]; ssoLocations: string[] };
}
