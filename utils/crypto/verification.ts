// The engine's trust types, as this folder uses them.
export type { CertificateSummary, SignatureVerification, TrustMaterial, Verification } from '../trust/types';
