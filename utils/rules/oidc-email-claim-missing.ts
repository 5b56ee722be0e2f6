import { ENTRA_APP_REG, ENTRA_OIDC_DOCS } from './support/docs-links';
import type { Fix, RuleContext } from './types';
import type { OidcMessage } from '../oidc/types';
import { defineRule } from './define-rule';
import { idTokenOf } from './support/oidc-message';

const FIX: Fix = {
  generic: "Request the email scope and make the provider release the user's email address in the ID token.",
  entra: `Add the optional claim email to the ID token in ${ENTRA_APP_REG.tokenConfiguration} > Add optional claim > ID > email (and grant the email permission when asked). Entra ID sends it only when the user has a mail address: set Email (or the mailbox) on the user.`,
};

export default defineRule<'oidc'>({
  protocols: ['oidc'],
  id: 'oidc-email-claim-missing',
  severity: 'error',
  title: 'The ID token has no email claim the service needs',
  description:
    "The service finds or creates the account by email, and the ID token carries no email claim (Entra ID sends it only as an optional claim, and only for users who have a mail address). Also noted when the provider says the address is not verified (email_verified: false).",
  docs: ENTRA_OIDC_DOCS.optionalClaims,
  fix: FIX,
  appliesTo: ['AuthorizationResponse', 'TokenResponse'],
  // The email claim matters to a service that reads the user's attributes; the generic profile records it as skipped.
  judges: 'attributes',
  check({ message, profile }: RuleContext<OidcMessage>) {
    const id = idTokenOf(message);
    const payload = id?.token?.payload;
    if (!id || !payload) return [];
    // The profile's email names (the admin's own first) are claim names too: "email" for every OIDC provider.
    const claim = profile.attributes.email.find((name) => typeof payload[name] === 'string' && (payload[name] as string).trim());
    const email = claim === undefined ? undefined : (payload[claim] as string);
    if (email === undefined) {
      const alt = ['upn', 'preferred_username', 'unique_name'].find((c) => typeof payload[c] === 'string');
      return [
        {
          message: `${profile.label} needs the user's email address and the ID token has no email claim${alt ? ` (it has ${alt} "${String(payload[alt])}", which is a sign-in name, not an address the service relies on)` : ''}.`,
          evidence: { path: `${id.path}/email`, value: '(missing)', claims: Object.keys(payload).join(', '), lookedFor: profile.attributes.email.join(', ') },
          fix: FIX,
        },
      ];
    }
    if (payload.email_verified === false || payload.email_verified === 'false') {
      return [
        {
          severity: 'warning',
          message: `The provider says the email address ${email} is not verified (email_verified: false): ${profile.label} may refuse it or ask the user to confirm it.`,
          evidence: { path: `${id.path}/email_verified`, value: 'false' },
          fix: { generic: "Verify the user's email address at the provider, or use a claim the provider vouches for." },
        },
      ];
    }
    return [];
  },
});
