// Whether a message gives the signature step anything to do: plain string tests, so the engine can ask without
// loading the crypto code.
import type { Message } from '../protocols/types';
import type { TrustMaterial } from '../trust/types';

export function trustGiven(trust: TrustMaterial | undefined): boolean {
  return !!(trust?.metadata?.length || trust?.certificates?.length);
}

export function needsCrypto(m: Message, trust?: TrustMaterial): boolean {
  if (m.protocol !== 'saml' || m.problem || !m.xml) return false;
  if (trustGiven(trust)) return true;
  return !!m.redirectSignature?.signature || m.xml.includes('SignatureValue') || (m.encryptedAssertions > 0 && !!trust?.decryptionKey);
}
