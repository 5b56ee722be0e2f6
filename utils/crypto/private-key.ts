// The SP's private key for decryption. It lives only in memory, in this object, for as long as the caller
// keeps it: never stored, never exported, never logged.
import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, PrivateKeyInfo, RSAPrivateKey } from 'pkijs';
import { ownBuffer } from './bytes';
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

function toBigInt(int: asn1js.Integer): bigint {
  let n = 0n;
  for (const b of int.valueBlock.valueHexView) n = (n << 8n) | BigInt(b);
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
      const info = new PrivateKeyInfo({
        version: 0,
        privateKeyAlgorithm: new AlgorithmIdentifier({ algorithmId: RSA_OID, algorithmParams: new asn1js.Null() }),
        privateKey: new asn1js.OctetString({ valueHex: ownBuffer(pkcs1).buffer }),
      });
      pkcs8 = new Uint8Array(info.toSchema().toBER(false));
    } else {
      const info = PrivateKeyInfo.fromBER(ownBuffer(block.der));
      if (info.privateKeyAlgorithm.algorithmId !== RSA_OID) throw new PrivateKeyError('the key is not an RSA key: SAML key transport (RSA-OAEP, RSA 1.5) needs one');
      pkcs8 = block.der;
      pkcs1 = info.privateKey.valueBlock.valueHexView;
    }
  } catch (e) {
    if (e instanceof PrivateKeyError) throw e;
    throw new PrivateKeyError(`the key cannot be read (${(e as Error).message})`);
  }
  let rsa: RSAPrivateKey;
  try {
    rsa = RSAPrivateKey.fromBER(ownBuffer(pkcs1));
  } catch (e) {
    throw new PrivateKeyError(`the RSA key cannot be read (${(e as Error).message})`);
  }
  const n = toBigInt(rsa.modulus);
  const p = toBigInt(rsa.prime1);
  const q = toBigInt(rsa.prime2);
  const dp = toBigInt(rsa.exponent1);
  const dq = toBigInt(rsa.exponent2);
  const qi = toBigInt(rsa.coefficient);
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
