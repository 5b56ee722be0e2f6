// X.509 certificates: what an admin compares with the IdP's portal (subject, validity, thumbprints), through
// pkijs, which parses with asn1js and needs nothing of the platform but WebCrypto's digest.
import { Certificate, RSAPublicKey } from 'pkijs';
import { ownBuffer, toHex } from './bytes';
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

type Name = Certificate['subject'];

function formatName(name: Name): string {
  return name.typesAndValues
    .map((tv) => {
      const value = tv.value.valueBlock.value;
      return `${ATTRIBUTE_NAMES[tv.type] ?? tv.type}=${typeof value === 'string' ? value : String(value)}`;
    })
    .join(', ');
}

function bitLength(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i]!));
}

export class CertificateError extends Error {}

/** Parses one DER certificate. Throws CertificateError when the bytes are not an X.509 certificate. */
export async function certificateFromDer(der: Uint8Array): Promise<CertificateDetails> {
  let cert: Certificate;
  try {
    cert = Certificate.fromBER(ownBuffer(der));
  } catch (e) {
    throw new CertificateError(`not an X.509 certificate (${(e as Error).message})`);
  }
  const spkiInfo = cert.subjectPublicKeyInfo;
  const keyOid = spkiInfo.algorithm.algorithmId;
  const keyAlgorithm = KEY_OIDS[keyOid] ?? 'unknown';
  let keyBits: number | undefined;
  let curve: CertificateDetails['curve'];
  if (keyAlgorithm === 'RSA') {
    try {
      const rsa = RSAPublicKey.fromBER(ownBuffer(spkiInfo.subjectPublicKey.valueBlock.valueHexView));
      keyBits = bitLength(rsa.modulus.valueBlock.valueHexView);
    } catch {
      keyBits = undefined;
    }
  } else if (keyAlgorithm === 'EC') {
    const params = spkiInfo.algorithm.algorithmParams as { valueBlock?: { toString(): string } } | undefined;
    const oid = params?.valueBlock?.toString();
    const c = oid ? CURVES[oid] : undefined;
    if (c) {
      curve = c.name;
      keyBits = c.bits;
    }
  } else if (keyAlgorithm === 'Ed25519') keyBits = 256;
  const [sha1, sha256] = await Promise.all([
    crypto.subtle.digest('SHA-1', ownBuffer(der)),
    crypto.subtle.digest('SHA-256', ownBuffer(der)),
  ]);
  const subject = formatName(cert.subject);
  const issuer = formatName(cert.issuer);
  const sigOid = cert.signatureAlgorithm.algorithmId;
  return {
    subject,
    issuer,
    notBefore: cert.notBefore.value.toISOString(),
    notAfter: cert.notAfter.value.toISOString(),
    sha1: toHex(new Uint8Array(sha1)),
    sha256: toHex(new Uint8Array(sha256)),
    keyAlgorithm,
    ...(keyBits !== undefined ? { keyBits } : {}),
    ...(curve ? { curve } : {}),
    serialNumber: toHex(cert.serialNumber.valueBlock.valueHexView),
    signatureAlgorithm: SIGNATURE_NAMES[sigOid] ?? sigOid,
    selfSigned: subject === issuer,
    der,
    spki: new Uint8Array(spkiInfo.toSchema().toBER(false)),
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
