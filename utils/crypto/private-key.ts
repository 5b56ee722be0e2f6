// The SP's private key for decryption. It lives only in memory, in this object, for as long as the caller
// keeps it: never stored, never exported, never logged.
import * as asn1js from 'asn1js';
import { ownBuffer } from './bytes';
import { decodeDer, integerBytes, octetStringBytes, oid, sequence } from './der';
import { readDerBlocks, type PemInput } from './pem';

const RSA_OID = '1.2.840.113549.1.1.1';

export interface DecryptionKey {
  readonly bits: number;
  /** RSA-OAEP through WebCrypto (the hash names both the OAEP digest and MGF1's). */
  oaep(hash: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'): Promise<CryptoKey>;
  /** The raw RSA private operation (c^d mod n), for the paddings WebCrypto does not offer (RSA 1.5). */
  rawDecrypt(cipher: Uint8Array): Uint8Array;
}

export class PrivateKeyError extends Error {}

function toBigInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = base % mod;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
    e >>= 1n;
  }
  return result;
}

function bigIntToBytes(n: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let v = n;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** Reads an unencrypted RSA private key: PKCS#8 (`PRIVATE KEY`) or PKCS#1 (`RSA PRIVATE KEY`), PEM or DER. */
export function readDecryptionKey(input: PemInput): DecryptionKey {
  const blocks = readDerBlocks(input);
  if (blocks.some((b) => b.label === 'ENCRYPTED PRIVATE KEY')) throw new PrivateKeyError('the key is protected by a passphrase: export it without one (openssl pkcs8 -nocrypt)');
  const block = blocks.find((b) => b.label === 'PRIVATE KEY' || b.label === 'RSA PRIVATE KEY' || b.label === 'DER');
  if (!block) throw new PrivateKeyError('no private key found: expected a PEM "PRIVATE KEY" or "RSA PRIVATE KEY"');
  let pkcs1: Uint8Array;
  let pkcs8: Uint8Array;
  try {
    if (block.label === 'RSA PRIVATE KEY') {
      pkcs1 = block.der;
      // PrivateKeyInfo (RFC 5208): version 0, rsaEncryption with NULL parameters, the PKCS#1 key.
      const info = new asn1js.Sequence({
        value: [
          new asn1js.Integer({ value: 0 }),
          new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: RSA_OID }), new asn1js.Null()] }),
          new asn1js.OctetString({ valueHex: ownBuffer(pkcs1).buffer }),
        ],
      });
      pkcs8 = new Uint8Array(info.toBER(false));
    } else {
      const [, algorithm, privateKey] = sequence(decodeDer(block.der, 'PrivateKeyInfo'), 'PrivateKeyInfo', 3);
      const algorithmId = oid(sequence(algorithm, 'privateKeyAlgorithm', 1)[0], 'privateKeyAlgorithm');
      if (algorithmId !== RSA_OID) throw new PrivateKeyError('the key is not an RSA key: SAML key transport (RSA-OAEP, RSA 1.5) needs one');
      pkcs8 = block.der;
      pkcs1 = octetStringBytes(privateKey, 'privateKey');
    }
  } catch (e) {
    if (e instanceof PrivateKeyError) throw e;
    throw new PrivateKeyError(`the key cannot be read (${(e as Error).message})`);
  }
  // RSAPrivateKey (RFC 8017 A.1.2): version, n, e, d, p, q, dp, dq, qi.
  let parts: bigint[];
  try {
    const fields = sequence(decodeDer(pkcs1, 'RSAPrivateKey'), 'RSAPrivateKey', 9);
    parts = fields.slice(1, 9).map((f, i) => toBigInt(integerBytes(f, `RSAPrivateKey field ${i + 1}`)));
  } catch (e) {
    throw new PrivateKeyError(`the RSA key cannot be read (${(e as Error).message})`);
  }
  const [n, , , p, q, dp, dq, qi] = parts as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint];
  const bits = n.toString(2).length;
  const bytes = Math.ceil(bits / 8);
  const oaepKeys = new Map<string, Promise<CryptoKey>>();
  const pkcs8Buffer = ownBuffer(pkcs8);
  return {
    bits,
    oaep(hash) {
      let key = oaepKeys.get(hash);
      if (!key) {
        key = crypto.subtle.importKey('pkcs8', pkcs8Buffer, { name: 'RSA-OAEP', hash }, false, ['decrypt']);
        oaepKeys.set(hash, key);
      }
      return key;
    },
    rawDecrypt(cipher) {
      // CRT (PKCS#1 §5.1.2): four times faster than c^d mod n.
      let c = 0n;
      for (const b of cipher) c = (c << 8n) | BigInt(b);
      if (c >= n) throw new PrivateKeyError('the encrypted key is larger than the modulus: it was not encrypted for this key');
      const m1 = modPow(c, dp, p);
      const m2 = modPow(c, dq, q);
      const h = (((m1 - m2) % p) + p) % p;
      const m = m2 + q * ((qi * h) % p);
      return bigIntToBytes(m, bytes);
    },
  };
}
