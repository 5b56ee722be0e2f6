import { assertionLabel, assertionPath, bearerConfirmations, capitalize } from './support/bearer-confirmation';
import { defineRule } from './define-rule';
import { SPEC } from './support/docs-links';
import { shortUri } from './support/saml-uris';
import type { Fix, Hit } from './types';
import type { SubjectConfirmation } from '../saml/types';

const FIX: Fix = {
  generic:
    'The IdP must send, in the assertion\'s Subject, a SubjectConfirmation with Method "urn:oasis:names:tc:SAML:2.0:cm:bearer" whose SubjectConfirmationData has Recipient (the ACS URL) and NotOnOrAfter, and no NotBefore. Mainstream IdPs do so by default: look for a custom token or claim transformation, or an IdP product set to a non-browser profile.',
};

function problems(c: SubjectConfirmation): string[] {
  const p: string[] = [];
  if (!c.recipient?.trim()) p.push('no Recipient');
  if (!c.notOnOrAfter?.trim()) p.push('no NotOnOrAfter');
  if (c.notBefore !== undefined) p.push(`a NotBefore (${c.notBefore}), which the profile forbids`);
  return p;
}

const joinAnd = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items[0] ?? '');

export default defineRule({
  id: 'bearer-confirmation-invalid',
  severity: 'error',
  title: 'No valid bearer SubjectConfirmation',
  description:
    'The Web Browser SSO profile (§4.1.4.2) requires at least one bearer SubjectConfirmation whose SubjectConfirmationData has a Recipient and a NotOnOrAfter and no NotBefore. Without one, the SP cannot tie the assertion to this delivery and rejects it.',
  docs: SPEC.profiles,
  fix: FIX,
  appliesTo: ['Response'],
  check({ message }) {
    const hits: Hit[] = [];
    message.assertions.forEach((a, i) => {
      const label = capitalize(assertionLabel(message, i));
      const path = `${assertionPath(message, i)}/Subject/SubjectConfirmation`;
      const bearers = bearerConfirmations(a);
      if (!bearers.length) {
        const methods = a.subject.confirmations.map((c) => (c.method ? shortUri(c.method) : '(no Method)'));
        hits.push({
          message: `${label} has no bearer SubjectConfirmation${methods.length ? ` (only ${methods.join(', ')})` : ' (no SubjectConfirmation at all)'}: browser sign-in needs Method "urn:oasis:names:tc:SAML:2.0:cm:bearer".`,
          evidence: { path: `${path}/@Method`, value: a.subject.confirmations.map((c) => c.method ?? '').join(', ') || '(absent)' },
          fix: FIX,
        });
        return;
      }
      const judged = bearers.map(problems);
      if (judged.some((p) => !p.length)) return;
      hits.push({
        message: `${label}'s bearer SubjectConfirmationData has ${joinAnd(judged[0]!)}.`,
        evidence: { path: `${path}/SubjectConfirmationData`, value: judged[0]!.join('; ') },
        fix: FIX,
      });
    });
    return hits;
  },
});
