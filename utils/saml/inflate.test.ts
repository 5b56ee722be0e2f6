import { deflateRawSync, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entraResponseXml } from '../../bench/inputs';
import { fixtureXml } from '../../tests/support/har-builder';
import { inflate, inflateStreaming } from './decode';

const request = fixtureXml('requests/crewjam-authn-request.xml');
const streams = [
  deflateRawSync(Buffer.from(request)),
  deflateRawSync(Buffer.from(entraResponseXml(10))),
  deflateRawSync(Buffer.from(entraResponseXml(150)), { level: 1 }),
  deflateRawSync(Buffer.from('x'.repeat(200_000))), // inflates past the small output buffer
  deflateRawSync(Buffer.from('a'.repeat(64 * 1024))), // exactly the small output buffer
  deflateSync(Buffer.from(request)), // zlib-wrapped
  deflateRawSync(Buffer.alloc(0)),
].map((b) => new Uint8Array(b));

/** Equal bytes (compared as buffers: a deep equality over 200,000 elements is slow) or the same sentence. */
function same(bytes: Uint8Array): boolean {
  const a = inflate(bytes);
  const b = inflateStreaming(bytes);
  return typeof a === 'string' || typeof b === 'string' ? a === b : Buffer.from(a).equals(Buffer.from(b));
}

describe('inflate', () => {
  it('gives what the streaming way gives for real streams, large, empty and zlib-wrapped ones', () => {
    for (const s of streams) expect(same(s)).toBe(true);
    expect(new TextDecoder().decode(inflate(streams[0]!) as Uint8Array)).toBe(request);
    expect((inflate(streams[3]!) as Uint8Array).length).toBe(200_000);
    expect((inflate(streams[4]!) as Uint8Array).length).toBe(64 * 1024);
  });

  it('gives the same bytes or the same error on damaged and arbitrary streams', () => {
    const damaged = fc
      .record({ stream: fc.constantFrom(0, 1, 2, 5, 6), at: fc.nat(), cut: fc.nat(8), flip: fc.integer({ min: 1, max: 255 }), truncate: fc.boolean() })
      .map(({ stream, at, cut, flip, truncate }) => {
        const s = streams[stream]!;
        if (!s.length) return s;
        const i = at % s.length;
        if (truncate) return s.subarray(0, i);
        const copy = new Uint8Array([...s.subarray(0, i), ...s.subarray(i + cut)]);
        if (copy.length) copy[i % copy.length] = copy[i % copy.length]! ^ flip;
        return copy;
      });
    fc.assert(
      fc.property(fc.oneof(damaged, fc.uint8Array({ maxLength: 300 })), same),
      { numRuns: 2000 },
    );
  });
});
