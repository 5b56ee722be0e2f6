// X.509 certificates: what an admin compares with the IdP's portal (subject, validity, thumbprints), read
// from the DER with asn1js; nothing of the platform is needed but WebCrypto's digest.
import { ownBuffer, toHex } from './bytes';
import { bitStringBytes, decodeDer, encoded, integerBytes, isContextTag, oid, sequence, set, stringValue, time, type DerError } from './der';
import { readDerBlocks, toPem, type PemInput } from './pem';
import type { CertificateSummary } from '../trust/types';

export type KeyAlgorithm = 'RSA' | 'EC' | 'Ed25519' | 'Ed448' | 'DSA' | 'unknown';

export type { CertificateSummary };

export interface CertificateDetails extends CertificateSummary {
  keyAlgorithm: KeyAlgorithm;
  serialNumber: string;
  /** EC only: the WebCrypto curve name. */
  curve?: 'P-256' | 'P-384' | 'P-521';
  signatureAlgorithm: string;
  selfSigned: boolean;
  der: Uint8Array;
  /** The subjectPublicKeyInfo, for importing the key into WebCrypto. */
  spki: Uint8Array;
  pem: string;
}

const ATTRIBUTE_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.5': 'serialNumber',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'E',
};

const KEY_OIDS: Record<string, KeyAlgorithm> = {
  '1.2.840.113549.1.1.1': 'RSA',
  '1.2.840.10045.2.1': 'EC',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '1.2.840.10040.4.1': 'DSA',
};

const CURVES: Record<string, { name: 'P-256' | 'P-384' | 'P-521'; bits: number }> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', bits: 256 },
  '1.3.132.0.34': { name: 'P-384', bits: 384 },
  '1.3.132.0.35': { name: 'P-521', bits: 521 },
};

const SIGNATURE_NAMES: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
};

/** RDNs in order, each attribute as `CN=value` (a multi-valued RDN gives one entry per value). */
function formatName(name: unknown, what: string): string {
  const parts: string[] = [];
  for (const rdn of sequence(name, what)) {
    for (const attribute of set(rdn, what)) {
      const [type, value] = sequence(attribute, what, 2);
      const id = oid(type, what);
      parts.push(`${ATTRIBUTE_NAMES[id] ?? id}=${stringValue(value!)}`);
    }
  }
  return parts.join(', ');
}

function bitLength(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i]!));
}

export class CertificateError extends Error {}

interface ParsedCertificate {
  serial: Uint8Array;
  issuer: string;
  subject: string;
  notBefore: Date;
  notAfter: Date;
  keyOid: string;
  keyParams: unknown;
  publicKey: Uint8Array;
  spki: Uint8Array;
  signatureOid: string;
}

/** RFC 5280 §4.1, as far as SSO Lens reads it. Throws DerError on anything else. */
function readCertificate(der: Uint8Array): ParsedCertificate {
  const [tbs, signatureAlgorithm] = sequence(decodeDer(der, 'certificate'), 'certificate', 3);
  const fields = sequence(tbs, 'tbsCertificate', 6);
  // version is [0] EXPLICIT and optional (absent in v1 certificates).
  const at = isContextTag(fields[0]!, 0) ? 1 : 0;
  const [serial, , issuer, validity, subject, spki] = fields.slice(at);
  if (!spki) throw new Error('tbsCertificate: too few elements');
  const [notBefore, notAfter] = sequence(validity, 'validity', 2);
  const [keyAlgorithm, publicKey] = sequence(spki, 'subjectPublicKeyInfo', 2);
  const [keyOid, keyParams] = sequence(keyAlgorithm, 'subjectPublicKeyInfo algorithm', 1);
  return {
    serial: integerBytes(serial, 'serialNumber'),
    issuer: formatName(issuer, 'issuer'),
    subject: formatName(subject, 'subject'),
    notBefore: time(notBefore, 'notBefore'),
    notAfter: time(notAfter, 'notAfter'),
    keyOid: oid(keyOid, 'key algorithm'),
    keyParams,
    publicKey: bitStringBytes(publicKey, 'subjectPublicKey'),
    spki: encoded(spki),
    signatureOid: oid(sequence(signatureAlgorithm, 'signatureAlgorithm', 1)[0], 'signatureAlgorithm'),
  };
}

/** The modulus size of a PKCS#1 RSAPublicKey, undefined when it cannot be read. */
function rsaModulusBits(publicKey: Uint8Array): number | undefined {
  try {
    const [modulus] = sequence(decodeDer(publicKey, 'RSA public key'), 'RSA public key', 2);
    return bitLength(integerBytes(modulus, 'modulus'));
  } catch {
    return undefined;
  }
}

/** Parses one DER certificate. Throws CertificateError when the bytes are not an X.509 certificate. */
export async function certificateFromDer(der: Uint8Array): Promise<CertificateDetails> {
  let cert: ParsedCertificate;
  try {
    cert = readCertificate(der);
  } catch (e) {
    throw new CertificateError(`not an X.509 certificate (${(e as Error | DerError).message})`);
  }
  const keyAlgorithm = KEY_OIDS[cert.keyOid] ?? 'unknown';
  let keyBits: number | undefined;
  let curve: CertificateDetails['curve'];
  if (keyAlgorithm === 'RSA') keyBits = rsaModulusBits(cert.publicKey);
  else if (keyAlgorithm === 'EC') {
    let curveOid: string | undefined;
    try {
      curveOid = oid(cert.keyParams, 'EC parameters');
    } catch {
      curveOid = undefined;
    }
    const c = curveOid ? CURVES[curveOid] : undefined;
    if (c) {
      curve = c.name;
      keyBits = c.bits;
    }
  } else if (keyAlgorithm === 'Ed25519') keyBits = 256;
  const [sha1, sha256] = await Promise.all([
    crypto.subtle.digest('SHA-1', ownBuffer(der)),
    crypto.subtle.digest('SHA-256', ownBuffer(der)),
  ]);
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    sha1: toHex(new Uint8Array(sha1)),
    sha256: toHex(new Uint8Array(sha256)),
    keyAlgorithm,
    ...(keyBits !== undefined ? { keyBits } : {}),
    ...(curve ? { curve } : {}),
    serialNumber: toHex(cert.serial),
    signatureAlgorithm: SIGNATURE_NAMES[cert.signatureOid] ?? cert.signatureOid,
    selfSigned: cert.subject === cert.issuer,
    der,
    spki: cert.spki,
    pem: toPem(der),
  };
}

/**
 * Every certificate in PEM (one or more blocks), base64 or DER input. Throws CertificateError when there is
 * none, or when a block is not a certificate.
 */
export async function parseCertificates(input: PemInput): Promise<CertificateDetails[]> {
  const blocks = readDerBlocks(input).filter((b) => b.label === 'CERTIFICATE' || b.label === 'DER' || b.label === 'X509 CERTIFICATE');
  if (!blocks.length) throw new CertificateError('no certificate found: expected PEM, DER or base64');
  return Promise.all(blocks.map((b) => certificateFromDer(b.der)));
}

/** The first certificate of PEM, DER or base64 input. */
export async function parseCertificate(input: PemInput): Promise<CertificateDetails> {
  return (await parseCertificates(input))[0]!;
}

/** The plain-data part (what findings and the CLI JSON carry). */
export function summarize(c: CertificateDetails): CertificateSummary {
  const { subject, issuer, notBefore, notAfter, sha1, sha256, keyAlgorithm, keyBits } = c;
  return { subject, issuer, notBefore, notAfter, sha1, sha256, ...(keyAlgorithm ? { keyAlgorithm } : {}), ...(keyBits !== undefined ? { keyBits } : {}) };
}

const DAY_MS = 86_400_000;

/** Whole days until notAfter (negative once expired), counted from `now`. */
export function daysLeft(cert: Pick<CertificateSummary, 'notAfter'>, now: number): number {
  return Math.floor((Date.parse(cert.notAfter) - now) / DAY_MS);
}

/** "SHA-1 AB12… / SHA-256 CD34…" as one line for messages. */
export function thumbprints(cert: Pick<CertificateSummary, 'sha1' | 'sha256'>): string {
  return `SHA-1 ${cert.sha1}, SHA-256 ${cert.sha256}`;
}
