// Signatures, certificates, metadata and decryption for SAML, on WebCrypto: the same code in extension pages,
// workers and Node. Import this module on demand (`import('…/crypto')`), never from a page's first load.
import { decryptAssertions, type DecryptionResult } from './decrypt-assertion';
import { prepareTrust } from './prepare-trust';
import { readDecryptionKey, type DecryptionKey } from './private-key';
import type { TrustMaterial } from './verification';
import { verifyRedirectSignature } from './verify-redirect-signature';
import { verifyXmlSignatures, type XmlVerification } from './verify-xml-signature';
import type { SignatureVerification } from './signature-types';

export { daysLeft, parseCertificate, parseCertificates, summarize, thumbprints, CertificateError } from './certificate';
export type { CertificateDetails, CertificateSummary } from './certificate';
export { parseMetadata } from './metadata';
export type { EntityMetadata, MetadataResult } from './metadata';
export { readDecryptionKey, PrivateKeyError } from './private-key';
export type { DecryptionKey } from './private-key';
export type { DecryptionResult } from './decrypt-assertion';
export type { SignatureVerification, SignatureOutcome } from './signature-types';
export type { TrustMaterial, Verification } from './verification';
export type { XmlVerification } from './verify-xml-signature';
export { verifyMessages } from './verify-messages';

/** Checks every XML signature of a message against the trust material (and what the message carries). */
export async function verifyMessage(xml: string, trust: TrustMaterial = {}): Promise<XmlVerification> {
  return verifyXmlSignatures(xml, await prepareTrust(trust));
}

/** Checks an HTTP-Redirect message's SigAlg + Signature (URL or raw query string) against the given certificates. */
export async function verifyRedirect(urlOrQuery: string, trust: TrustMaterial = {}): Promise<SignatureVerification | undefined> {
  return verifyRedirectSignature(urlOrQuery, await prepareTrust(trust));
}

/** Decrypts a Response's EncryptedAssertions with the SP's private key (PEM, or a key already read). */
export async function decryptAssertion(xml: string, key: string | DecryptionKey): Promise<DecryptionResult> {
  return decryptAssertions(xml, typeof key === 'string' ? readDecryptionKey(key) : key);
}
