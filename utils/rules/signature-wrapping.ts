import { defineRule } from './define-rule';
import { SPEC } from './support/docs-links';
import type { Fix, Hit } from './types';

// XML Signature Wrapping (Somorovsky et al., "On Breaking SAML", USENIX Security 2012): a valid signature is kept
// while the content the SP reads is swapped. Seen from the message, it leaves one of three marks: an unsigned
// assertion beside a signed one, a signature that references another element than the one it sits in, or an
// ID carried by two elements so that the reference is ambiguous.
const FIX: Fix = {
  generic:
    'Do not trust this Response: the signature does not cover what the SP reads. If it came from your own IdP, capture the sign-in again and compare; if it keeps this shape, the message was altered on the way (a proxy or an attacker). SPs must read only the element the verified signature references (SAML profiles §4.1.4.2).',
};

/** A Reference URI names its element as `#ID`; an empty URI means the whole document (only sound on the root). */
function pointsAt(reference: string, id: string | undefined, onRoot: boolean): boolean {
  if (reference === '') return onRoot;
  return id !== undefined && reference === `#${id}`;
}

export default defineRule({
  id: 'signature-wrapping',
  severity: 'error',
  title: 'Signature wrapping: the signature does not cover what the SP reads',
  description:
    'The message has the shape of an XML signature-wrapping attack: an unsigned assertion beside a signed one (and no signature on the Response), a Signature whose Reference does not point at the element it sits in, or an ID carried by two elements. An SP that checks "a valid signature exists" and then reads another element accepts forged content.',
  docs: SPEC.profiles,
  fix: FIX,
  appliesTo: ['Response'],
  check({ message }) {
    const hits: Hit[] = [];
    const layout = message.signatureLayout;
    if (!message.signature && message.assertions.length > 1) {
      const signed = message.assertions.filter((a) => a.signature).length;
      const unsigned = message.assertions.length - signed;
      if (signed && unsigned) {
        const first = message.assertions.find((a) => !a.signature)!;
        hits.push({
          message: `The Response carries ${unsigned} unsigned assertion(s) beside ${signed} signed one(s), and the Response itself is unsigned: an SP that reads the first assertion after finding a valid signature on another accepts content nobody signed.`,
          evidence: { path: 'Response/Assertion', value: first.id ?? '(no ID)' },
          fix: FIX,
        });
      }
    }
    for (const sig of layout?.signatures ?? []) {
      const onRoot = sig.path === `${message.kind}/Signature`;
      const stray = sig.references.filter((r) => !pointsAt(r, sig.inId, onRoot));
      if (!stray.length) continue;
      hits.push({
        message: `The Signature at ${sig.path} references ${stray.map((r) => (r ? `"${r}"` : 'the whole document')).join(', ')}, not the <${sig.in}>${sig.inId ? ` with ID "${sig.inId}"` : ''} it sits in: it vouches for another element than the one it appears to sign.`,
        evidence: { path: sig.path, value: stray.join(', ') || '""', element: sig.inId ?? sig.in },
        fix: FIX,
      });
    }
    const referenced = new Set((layout?.signatures ?? []).flatMap((s) => s.references));
    for (const id of layout?.duplicateIds ?? []) {
      if (!referenced.has(`#${id}`)) continue;
      hits.push({
        message: `Two elements carry the ID "${id}" that a Signature references: the signature covers one of them and the SP may read the other (a wrapped copy, e.g. inside StatusDetail or Extensions).`,
        evidence: { path: `//*[@ID="${id}"]`, value: id },
        fix: FIX,
      });
    }
    return hits;
  },
});
