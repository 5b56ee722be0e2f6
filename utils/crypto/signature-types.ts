import type { CertificateDetails } from './certificate';
import type { SignatureVerification } from '../trust/types';

export type { SignatureVerification };
export type SignatureOutcome = SignatureVerification['outcome'];

/** Trust material once parsed: the certificates a signature must verify with to prove its origin. */
export interface PreparedTrust {
  certificates: CertificateDetails[];
}
