import { defineRule } from './define-rule';
import { SPEC } from './support/docs-links';
import { SIGN_BOTH_FIX } from './support/signing-fix';

export default defineRule({
  id: 'response-unsigned',
  severity: 'warning',
  title: 'The assertion is signed, the Response is not',
  description:
    'Only the assertion is signed. SAML allows it, but SonarQube Cloud and other services ask for both, and the Response envelope (Destination, InResponseTo, status) is then unprotected. An error when the assertion is encrypted: its signature cannot be seen, and anyone holding the SP\'s public key can encrypt an assertion.',
  docs: SPEC.profiles,
  fix: SIGN_BOTH_FIX,
  appliesTo: ['Response'],
  check({ message, profile }) {
    if (message.signature) return [];
    if (message.encryptedAssertions > 0 && !message.assertions.length) {
      return [
        {
          severity: 'error',
          message:
            "The Response is not signed and its assertion is encrypted: whether the assertion inside is signed cannot be seen, and an encrypted assertion alone proves nothing (the SP's encryption key is public). Sign the Response.",
          evidence: { path: 'Response/Signature', value: '(absent)', encryptedAssertions: String(message.encryptedAssertions) },
          fix: SIGN_BOTH_FIX,
        },
      ];
    }
    if (!message.assertions.some((a) => a.signature)) return [];
    const asks = profile.signedResponse ? `${profile.label} asks for both` : 'services that ask for both reject it';
    return [
      {
        message: `The assertion is signed but the Response is not: ${asks}, and the Response's Destination, InResponseTo and status are unprotected.`,
        evidence: { path: 'Response/Signature', value: '(absent)' },
        fix: SIGN_BOTH_FIX,
      },
    ];
  },
});
