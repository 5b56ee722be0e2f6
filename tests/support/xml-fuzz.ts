// Generators for the property tests that hold a fast XML reader or check to the parser it stands in for.
import fc from 'fast-check';

/** Real messages cut and spliced: up to 40 characters replaced by up to 12 arbitrary ones, anywhere. */
export function mutatedXml(messages: readonly string[]): fc.Arbitrary<string> {
  return fc
    .record({ message: fc.nat(messages.length - 1), at: fc.double({ min: 0, max: 1, noNaN: true }), cut: fc.nat(40), insert: fc.string({ maxLength: 12 }) })
    .map(({ message, at, cut, insert }) => {
      const xml = messages[message]!;
      const i = Math.floor(at * xml.length);
      return xml.slice(0, i) + insert + xml.slice(i + cut);
    });
}

/** Up to 30 of `pieces` in a row, half the time inside a root element `<r>`. */
export function markupOf(pieces: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.boolean()).map(([chosen, wrap]) => (wrap ? `<r>${chosen.join('')}</r>` : chosen.join('')));
}
