// Reading DER structures (certificates, keys) with asn1js alone: SSO Lens reads a handful of fields, and a full
// PKI toolkit would ship hundreds of kilobytes of schema classes to read them.
import * as asn1js from 'asn1js';
import { ownBuffer } from './bytes';

export class DerError extends Error {}

/** Decodes one DER element that must fill all of `bytes`. */
export function decodeDer(bytes: Uint8Array, what: string): asn1js.AsnType {
  const view = ownBuffer(bytes);
  const { offset, result } = asn1js.fromBER(view);
  if (offset === -1 || result.error) throw new DerError(`${what}: ${result.error || 'not DER'}`);
  if (offset !== view.byteLength) throw new DerError(`${what}: trailing bytes after the DER`);
  return result;
}

/** The elements of a SEQUENCE, with at least `min` of them. */
export function sequence(block: unknown, what: string, min = 0): asn1js.AsnType[] {
  if (!(block instanceof asn1js.Sequence)) throw new DerError(`${what}: expected a SEQUENCE`);
  const items = block.valueBlock.value;
  if (items.length < min) throw new DerError(`${what}: expected at least ${min} elements, found ${items.length}`);
  return items;
}

export function integerBytes(block: unknown, what: string): Uint8Array {
  if (!(block instanceof asn1js.Integer)) throw new DerError(`${what}: expected an INTEGER`);
  return block.valueBlock.valueHexView;
}

export function oid(block: unknown, what: string): string {
  if (!(block instanceof asn1js.ObjectIdentifier)) throw new DerError(`${what}: expected an OBJECT IDENTIFIER`);
  return block.valueBlock.toString();
}

/** A BIT STRING's bytes (after its unused-bits byte). */
export function bitStringBytes(block: unknown, what: string): Uint8Array {
  if (!(block instanceof asn1js.BitString)) throw new DerError(`${what}: expected a BIT STRING`);
  return block.valueBlock.valueHexView;
}

export function octetStringBytes(block: unknown, what: string): Uint8Array {
  if (!(block instanceof asn1js.OctetString)) throw new DerError(`${what}: expected an OCTET STRING`);
  return block.valueBlock.valueHexView;
}

/** UTCTime or GeneralizedTime, as X.509 validity uses both. */
export function time(block: unknown, what: string): Date {
  if (block instanceof asn1js.UTCTime || block instanceof asn1js.GeneralizedTime) return block.toDate();
  throw new DerError(`${what}: expected a UTCTime or GeneralizedTime`);
}

/** The element's own encoded bytes, as they were in the input. */
export function encoded(block: asn1js.AsnType): Uint8Array {
  return new Uint8Array(block.valueBeforeDecodeView);
}

/** Context-specific tag [n] (explicit or implicit), else false. */
export function isContextTag(block: asn1js.AsnType, n: number): boolean {
  return block.idBlock.tagClass === 3 && block.idBlock.tagNumber === n;
}

/** The elements of a SET. */
export function set(block: unknown, what: string): asn1js.AsnType[] {
  if (!(block instanceof asn1js.Set)) throw new DerError(`${what}: expected a SET`);
  return block.valueBlock.value;
}

/** The text of a directory string (PrintableString, UTF8String, IA5String, BMPString…), else its hex. */
export function stringValue(block: asn1js.AsnType): string {
  const value = (block as { valueBlock?: { value?: unknown } }).valueBlock?.value;
  if (typeof value === 'string') return value;
  return Array.from(block.valueBeforeDecodeView, (b) => b.toString(16).padStart(2, '0')).join('');
}
