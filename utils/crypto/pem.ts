import { fromBase64, toBase64, utf8 } from './bytes';

export type PemInput = string | Uint8Array;

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

export interface DerBlock {
  /** The PEM label (`CERTIFICATE`, `PRIVATE KEY`, `RSA PRIVATE KEY`…), or `DER` when the input had none. */
  label: string;
  der: Uint8Array;
}

/**
 * Reads PEM (one or more blocks), base64 without armour (as metadata and KeyInfo carry it), or binary DER.
 * Some toolkits wrap a whole PEM file in base64 once more; that is unwrapped too.
 */
export function readDerBlocks(input: PemInput, depth = 0): DerBlock[] {
  if (input instanceof Uint8Array) {
    if (input[0] === 0x30) return [{ label: 'DER', der: input }];
    return readDerBlocks(utf8(input), depth);
  }
  const blocks: DerBlock[] = [];
  for (const m of input.matchAll(PEM_BLOCK)) {
    const der = fromBase64(m[2]!);
    if (der) blocks.push({ label: m[1]!, der });
  }
  if (blocks.length || input.includes('-----BEGIN')) return blocks;
  const der = fromBase64(input);
  if (!der || !der.length) return [];
  if (der[0] === 0x30) return [{ label: 'DER', der }];
  if (depth === 0 && utf8(der.subarray(0, 64)).includes('-----BEGIN')) return readDerBlocks(utf8(der), 1);
  return [];
}

export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
