// HTTP-Redirect binding signatures (SAML bindings §3.4.4.1): the signature covers the query string's own
// bytes, "SAMLRequest=…&RelayState=…&SigAlg=…" in that order, with each value exactly as it was URL-encoded
// by the sender. Re-encoding a value (a proxy normalising %2f to %2F) breaks the signature.
import { fromBase64, fromUtf8 } from './bytes';
import { summarize, type CertificateDetails } from './certificate';
import { verifyAlgorithm } from './signature-algorithms';
import type { PreparedTrust, SignatureVerification } from './signature-types';

/** Raw `name=value` pairs of a query string, values still URL-encoded. */
function rawParams(query: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of query.replace(/^[^?]*\?/, '').replace(/#.*$/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq);
    if (!out.has(name)) out.set(name, part.slice(eq + 1));
  }
  return out;
}

function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** The octets the sender signed, rebuilt from the raw query string; undefined when it is not a signed message. */
export function redirectSignedOctets(urlOrQuery: string): { octets: string; sigAlg: string; signature: string } | undefined {
  const params = rawParams(urlOrQuery);
  const field = params.has('SAMLRequest') ? 'SAMLRequest' : params.has('SAMLResponse') ? 'SAMLResponse' : undefined;
  const sigAlg = params.get('SigAlg');
  const signature = params.get('Signature');
  if (!field || sigAlg === undefined || signature === undefined) return undefined;
  const parts = [`${field}=${params.get(field)}`];
  if (params.has('RelayState')) parts.push(`RelayState=${params.get('RelayState')}`);
  parts.push(`SigAlg=${sigAlg}`);
  return { octets: parts.join('&'), sigAlg: decodeParam(sigAlg), signature: decodeParam(signature) };
}

async function importKey(cert: CertificateDetails, alg: NonNullable<ReturnType<typeof verifyAlgorithm>>): Promise<CryptoKey | null> {
  try {
    const params = alg.name === 'ECDSA' ? { name: 'ECDSA', namedCurve: cert.curve ?? 'P-256' } : { name: alg.name, hash: alg.hash };
    return await crypto.subtle.importKey('spki', cert.spki as Uint8Array<ArrayBuffer>, params, false, ['verify']);
  } catch {
    return null;
  }
}

/**
 * Verifies the SigAlg + Signature of an HTTP-Redirect message against the given certificates: the query
 * string carries no key, so without trust material the outcome is `unsupported`.
 */
export async function verifyRedirectSignature(urlOrQuery: string, trust?: PreparedTrust): Promise<SignatureVerification | undefined> {
  const signed = redirectSignedOctets(urlOrQuery);
  if (!signed) return undefined;
  const base: SignatureVerification = { on: 'redirect-query', outcome: 'error', element: 'query string', algorithm: signed.sigAlg };
  const alg = verifyAlgorithm(signed.sigAlg);
  if (!alg) return { ...base, outcome: 'unsupported', detail: `SigAlg ${signed.sigAlg} is not a signature algorithm SSO Lens can check` };
  const signature = fromBase64(signed.signature);
  if (!signature) return { ...base, detail: 'the Signature parameter is not base64 (cut off or altered on the way)' };
  const certificates = trust?.certificates ?? [];
  if (!certificates.length) {
    return { ...base, outcome: 'unsupported', detail: 'an HTTP-Redirect signature carries no key: give the signer\'s certificate (metadata or a certificate file) to check it' };
  }
  const data = fromUtf8(signed.octets);
  for (const cert of certificates) {
    const key = await importKey(cert, alg);
    if (!key) continue;
    const ok = await crypto.subtle.verify({ name: alg.name, hash: alg.hash }, key, signature as Uint8Array<ArrayBuffer>, data).catch(() => false);
    if (ok) return { ...base, outcome: 'valid', certificate: summarize(cert), trusted: true };
  }
  return {
    ...base,
    outcome: 'signature-mismatch',
    trusted: false,
    detail: `the query-string signature does not verify with ${certificates.length === 1 ? 'the given certificate' : `any of the ${certificates.length} given certificates`}: another key signed it, or a value was re-encoded on the way (the signature covers the raw query string)`,
  };
}
