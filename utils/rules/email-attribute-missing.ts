import { attributeNames, attributePath, findEmail, findField, isEmailAddress, lookedFor, mappingMismatch, mismatchHit, readableAssertion } from './support/attribute-lookup';
import { defineRule } from './define-rule';
import { VENDOR, ENTRA, OKTA } from './support/docs-links';
import type { Fix } from './types';

const FIX: Fix = {
  generic:
    "Send the user's e-mail address as an attribute named exactly as SonarQube Cloud's SSO setup assistant gives it (Email): copy the name from the assistant into the IdP's attribute mapping.",
  entra: `In ${ENTRA.claims}, keep or add the claim "emailaddress" (or "email") with source attribute user.mail. Entra ID leaves the claim out for users whose mail property is empty: set it on the user, or use user.userprincipalname when UPNs are mail addresses.`,
  okta: `In ${OKTA.samlSettings} > Attribute Statements, add Name "email", Name format Unspecified, Value user.email.`,
};

export default defineRule({
  id: 'email-attribute-missing',
  severity: 'error',
  title: 'No e-mail attribute',
  description:
    "The assertion carries no e-mail address: no attribute the profile maps to email, and no attribute value that is an e-mail address. SonarQube Cloud's troubleshooting guide names the attribute mapping, specifically email, as the first thing to check in an incorrect SSO configuration; the sign-in fails without it.",
  docs: VENDOR.sonarqubeCloudSso,
  fix: FIX,
  appliesTo: ['Response'],
  judges: 'attributes',
  check({ message, profile }) {
    if (!profile.checks.attributes) return [];
    const assertion = readableAssertion(message);
    if (!assertion) return [];
    const mismatch = mappingMismatch(assertion, profile, 'email');
    if (mismatch) return [mismatchHit(profile, 'email', mismatch)];
    if (findEmail(assertion, profile)) return [];
    const empty = findField(assertion, profile, 'email');
    const nameId = assertion.subject.nameId;
    const nameIdNote =
      nameId && isEmailAddress(nameId) ? ` The NameID (${nameId}) is an address, but ${profile.label} reads the e-mail from an attribute.` : '';
    if (empty) {
      return [
        {
          message: `The e-mail attribute "${empty.attribute.name}" is present but empty: ${profile.label} cannot create or match the user without an address.${nameIdNote}`,
          evidence: { path: attributePath(empty.attribute.name), value: '', attribute: empty.attribute.name },
          fix: FIX,
        },
      ];
    }
    return [
      {
        message: `No e-mail attribute: looked for ${lookedFor(profile, 'email')} and for any attribute value that is an e-mail address, found none among ${assertion.attributes.length} attribute(s).${nameIdNote}`,
        evidence: { path: 'Assertion/AttributeStatement', value: attributeNames(assertion).join(', ') || '(no attributes)' },
        fix: FIX,
      },
    ];
  },
});
