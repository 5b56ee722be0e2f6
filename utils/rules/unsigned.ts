import { defineRule } from './define-rule';
import { SPEC } from './support/docs-links';
import { SIGN_BOTH_FIX } from './support/signing-fix';

// Any ds:Signature element, wherever it sits.
const ANY_SIGNATURE = /<(?:[\w.-]+:)?Signature[\s>/]/;

export default defineRule({
  id: 'unsigned',
  severity: 'error',
  title: 'Neither the Response nor the assertion is signed',
  description:
    'The Response carries an assertion but no signature covers either: anyone could have written it, and every SP rejects it. A Signature placed elsewhere (nested in another element) signs neither and is a sign of a signature-wrapping attack.',
  docs: SPEC.profiles,
  fix: SIGN_BOTH_FIX,
  appliesTo: ['Response'],
  check({ message }) {
    // Encrypted assertions may be signed inside (response-unsigned speaks of them); no assertion, nothing to trust.
    if (message.signature || message.encryptedAssertions > 0 || !message.assertions.length) return [];
    if (message.assertions.some((a) => a.signature)) return [];
    const elsewhere = message.xml !== undefined && ANY_SIGNATURE.test(message.xml);
    const n = message.assertions.length;
    return [
      {
        message: elsewhere
          ? `Neither the Response nor its ${n > 1 ? `${n} assertions` : 'assertion'} is signed, yet a Signature appears nested elsewhere in the message: it signs neither, the pattern of a signature-wrapping attack. Do not trust this Response.`
          : `Neither the Response nor its ${n > 1 ? `${n} assertions` : 'assertion'} carries a Signature: the SP cannot tell that the IdP wrote it and rejects it.`,
        evidence: { path: 'Response/Signature, Response/Assertion/Signature', value: elsewhere ? 'nested Signature only' : '(absent)' },
        fix: SIGN_BOTH_FIX,
      },
    ];
  },
});
