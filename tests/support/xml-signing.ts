// Signs SAML messages at test time with keys made at test time, through xml-crypto: an implementation
// independent of the one under test, so a round trip proves interoperability, not self-consistency.
import { execFileSync } from 'node:child_process';
import { createPrivateKey, createSign, sign as signBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignedXml } from 'xml-crypto';

export interface TestKeys {
  keyPem: string;
  certPem: string;
}

export type KeySpec = 'rsa:1024' | 'rsa:2048' | 'ec:P-256' | 'ec:P-384';

const made = new Map<string, TestKeys>();

/**
 * A self-signed certificate and its private key, from openssl (`days` of validity, starting now). Made once per
 * (spec, cn, days) in a test file: key generation is slow on a busy machine; ask for another cn for another key.
 */
export function makeKeys(spec: KeySpec = 'rsa:2048', { cn = 'idp.test.example', days = 365 } = {}): TestKeys {
  const id = `${spec} ${cn} ${days}`;
  const known = made.get(id);
  if (known) return known;
  const dir = mkdtempSync(join(tmpdir(), 'sso-lens-keys-'));
  try {
    const newkey = spec.startsWith('rsa') ? ['-newkey', spec] : ['-newkey', 'ec', '-pkeyopt', `ec_paramgen_curve:${spec.slice(3)}`];
    execFileSync('openssl', ['req', '-x509', ...newkey, '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-subj', `/CN=${cn}`, '-days', String(days)], { stdio: 'ignore' });
    const keys = { keyPem: readFileSync(join(dir, 'key.pem'), 'utf8'), certPem: readFileSync(join(dir, 'cert.pem'), 'utf8') };
    made.set(id, keys);
    return keys;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const ALG = {
  rsaSha1: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
  rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  rsaSha384: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384',
  rsaSha512: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
  ecdsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256',
  ecdsaSha384: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384',
} as const;
export const DIGEST = {
  sha1: 'http://www.w3.org/2000/09/xmldsig#sha1',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  sha512: 'http://www.w3.org/2001/04/xmlenc#sha512',
} as const;
export const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
export const EXC_C14N_COMMENTS = 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

// xml-crypto signs RSA-SHA1/256/512 itself; RSA-SHA384 and ECDSA (raw r||s, as XML-DSig wants) are added here.
const EXTRA: Record<string, { hash: string; ec: boolean }> = {
  [ALG.rsaSha384]: { hash: 'sha384', ec: false },
  [ALG.ecdsaSha256]: { hash: 'sha256', ec: true },
  [ALG.ecdsaSha384]: { hash: 'sha384', ec: true },
};

function extraAlgorithm(uri: string, spec: { hash: string; ec: boolean }) {
  return class {
    getSignature = (signedInfo: string | Buffer, privateKey: string | Buffer) =>
      spec.ec
        ? signBytes(spec.hash, Buffer.from(signedInfo), { key: createPrivateKey(privateKey), dsaEncoding: 'ieee-p1363' }).toString('base64')
        : createSign(`RSA-${spec.hash.toUpperCase()}`).update(signedInfo).sign(privateKey, 'base64');
    verifySignature = () => {
      throw new Error('signing only');
    };
    getAlgorithmName = () => uri;
  };
}

export interface SignOptions {
  keys: TestKeys;
  /** Which element to sign: the root (Response / request) or the first Assertion. */
  target: 'root' | 'assertion';
  algorithm?: string;
  digest?: string;
  /** The reference's canonicalization transform (SignedInfo is always exclusive C14N). */
  c14n?: string;
  /** Put the certificate in KeyInfo (default true). */
  keyInfo?: boolean;
}

/** Returns the XML with an enveloped signature placed after the target's Issuer (where SAML wants it). */
export function signXml(xml: string, o: SignOptions): string {
  const algorithm = o.algorithm ?? ALG.rsaSha256;
  const sig = new SignedXml({
    privateKey: o.keys.keyPem,
    publicCert: o.keys.certPem,
    signatureAlgorithm: algorithm as never,
    canonicalizationAlgorithm: EXC_C14N,
    ...(o.keyInfo === false ? { getKeyInfoContent: () => null } : {}),
  });
  const extra = EXTRA[algorithm];
  if (extra) (sig.SignatureAlgorithms as Record<string, unknown>)[algorithm] = extraAlgorithm(algorithm, extra);
  const target = o.target === 'root' ? '/*' : "//*[local-name(.)='Assertion']";
  sig.addReference({ xpath: target, digestAlgorithm: o.digest ?? DIGEST.sha256, transforms: [ENVELOPED, o.c14n ?? EXC_C14N] });
  sig.computeSignature(xml, { prefix: 'ds', location: { reference: `${target}/*[local-name(.)='Issuer']`, action: 'after' } });
  return sig.getSignedXml();
}
