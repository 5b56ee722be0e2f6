import { assertionPath, bearerConfirmations } from './support/bearer-confirmation';
import { defineRule } from './define-rule';
import { SPEC } from './support/docs-links';
import { formatInstant, parseInstant } from './support/time-window';
import type { Fix, Hit } from './types';

const FIX: Fix = {
  generic:
    'Close the other sign-in tabs and start again from the service\'s login page in one tab: an SP only accepts the answer to the last AuthnRequest it sent from this browser session. If it repeats on a fresh attempt, the IdP (or a proxy in front of it) is caching or replaying Responses.',
};

export default defineRule({
  id: 'inresponseto-mismatch',
  severity: 'error',
  title: 'InResponseTo does not match the AuthnRequest',
  description:
    "The Response's InResponseTo (or its bearer confirmation's) is not the ID of the AuthnRequest captured for this sign-in: it answers another attempt, typically from a stale tab or the back button, or it is replayed. The SP rejects it.",
  docs: SPEC.core,
  fix: FIX,
  appliesTo: ['Response'],
  check({ message, request }) {
    const hits: Hit[] = [];
    const sent = request?.kind === 'AuthnRequest' ? request : undefined;
    if (sent?.id) {
      const when = parseInstant(sent.capturedAt ?? sent.issueInstant);
      const requestLabel = `the AuthnRequest${when === undefined ? '' : ` sent at ${formatInstant(when)}`} (ID "${sent.id}")`;
      if (message.inResponseTo && message.inResponseTo !== sent.id) {
        hits.push({
          message: `InResponseTo "${message.inResponseTo}" does not match ${requestLabel}: this Response answers another sign-in attempt (a stale tab, the back button, or a replay).`,
          evidence: { path: 'Response/@InResponseTo', value: message.inResponseTo, expected: sent.id },
          fix: FIX,
        });
      }
      message.assertions.forEach((a, i) => {
        const bad = bearerConfirmations(a).find((c) => c.inResponseTo && c.inResponseTo !== sent.id && c.inResponseTo !== message.inResponseTo);
        if (bad) {
          hits.push({
            message: `The bearer SubjectConfirmationData InResponseTo "${bad.inResponseTo}" does not match ${requestLabel}.`,
            evidence: { path: `${assertionPath(message, i)}/Subject/SubjectConfirmation/SubjectConfirmationData/@InResponseTo`, value: bad.inResponseTo, expected: sent.id },
            fix: FIX,
          });
        }
      });
      return hits;
    }
    // No request captured: the Response can still contradict itself.
    if (!message.inResponseTo) return [];
    message.assertions.forEach((a, i) => {
      const bad = bearerConfirmations(a).find((c) => c.inResponseTo && c.inResponseTo !== message.inResponseTo);
      if (bad) {
        hits.push({
          message: `The Response answers request "${message.inResponseTo}" but its bearer confirmation answers "${bad.inResponseTo}": the assertion was issued for another sign-in.`,
          evidence: { path: `${assertionPath(message, i)}/Subject/SubjectConfirmation/SubjectConfirmationData/@InResponseTo`, value: bad.inResponseTo, expected: message.inResponseTo },
          fix: FIX,
        });
      }
    });
    return hits;
  },
});
