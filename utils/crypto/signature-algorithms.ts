// Signature algorithm URIs (XML-DSig, RFC 6931) as WebCrypto parameters.

type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

const RSA: Record<string, HashName> = {
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': 'SHA-1',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': 'SHA-256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': 'SHA-384',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': 'SHA-512',
};
const ECDSA: Record<string, HashName> = {
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1': 'SHA-1',
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256': 'SHA-256',
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384': 'SHA-384',
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512': 'SHA-512',
};

export type VerifyAlgorithm = { name: 'RSASSA-PKCS1-v1_5'; hash: HashName } | { name: 'ECDSA'; hash: HashName };

export function verifyAlgorithm(uri: string): VerifyAlgorithm | undefined {
  const u = uri.trim();
  if (RSA[u]) return { name: 'RSASSA-PKCS1-v1_5', hash: RSA[u] };
  if (ECDSA[u]) return { name: 'ECDSA', hash: ECDSA[u] };
  return undefined;
}
