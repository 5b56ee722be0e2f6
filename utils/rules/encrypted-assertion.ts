import { defineRule } from './define-rule';
import { SPEC, ENTRA, OKTA } from './support/docs-links';
import type { Fix } from './types';

const FIX: Fix = {
  generic:
    "Nothing is wrong with encryption. To inspect attributes and groups, turn assertion encryption off for one test sign-in in the IdP (and back on afterwards), or read the decrypted assertion in the service's own logs.",
  entra: `To inspect a sign-in, deactivate the certificate in ${ENTRA.tokenEncryption} for one test sign-in, then activate it again.`,
  okta: `To inspect a sign-in, set "Assertion Encryption" to Unencrypted in ${OKTA.advanced} for one test sign-in, then back to Encrypted.`,
};

export default defineRule({
  id: 'encrypted-assertion',
  severity: 'info',
  title: 'Encrypted assertion: attributes cannot be inspected',
  description:
    'The assertion is encrypted for the SP (EncryptedAssertion). Only the SP\'s private key opens it, so its attributes, groups, audience and times cannot be checked here; the attribute and group rules stay silent instead of reporting them missing.',
  docs: SPEC.core,
  fix: FIX,
  appliesTo: ['Response'],
  check({ message }) {
    if (!message.encryptedAssertions || message.assertions.length) return [];
    const n = message.encryptedAssertions;
    return [
      {
        message: `The assertion is encrypted (${n} EncryptedAssertion${n > 1 ? 's' : ''}): only the SP's private key opens it, so its attributes, groups, audience and validity times are not checked here. The attribute and group rules stay silent rather than report them missing.`,
        evidence: { path: 'Response/EncryptedAssertion', value: String(n) },
        fix: FIX,
      },
    ];
  },
});
