import { acsFix } from './support/acs-settings';
import { assertionLabel, assertionPath, bearerConfirmations, capitalize } from './support/bearer-confirmation';
import { defineRule } from './define-rule';
import { SPEC } from './support/docs-links';
import { deliveredTo, describeDifference, sameEndpoint } from './support/transport';
import type { Hit } from './types';

export default defineRule({
  id: 'recipient-mismatch',
  severity: 'error',
  title: 'Bearer Recipient is not the ACS the Response was posted to',
  description:
    "The Web Browser SSO profile (§4.1.4.2) has the bearer SubjectConfirmationData name in Recipient the ACS URL the Response is delivered to. The SP rejects an assertion whose Recipient is another URL.",
  docs: SPEC.profiles,
  fix: acsFix(undefined, 'ACS URL'),
  appliesTo: ['Response'],
  check({ message }) {
    const to = deliveredTo(message);
    if (!to) return [];
    const hits: Hit[] = [];
    message.assertions.forEach((a, i) => {
      const recipients = bearerConfirmations(a).flatMap((c) => (c.recipient === undefined ? [] : [c.recipient]));
      // One satisfied bearer confirmation is enough for the SP.
      if (!recipients.length || recipients.some((r) => sameEndpoint(r, to))) return;
      const recipient = recipients[0]!;
      const diff = describeDifference(recipient, to);
      hits.push({
        message: `${capitalize(assertionLabel(message, i))}'s bearer Recipient is ${recipient || '(empty)'} but the Response was posted to ${to}${diff ? ` (${diff})` : ''}.`,
        evidence: { path: `${assertionPath(message, i)}/Subject/SubjectConfirmation/SubjectConfirmationData/@Recipient`, value: recipient, postedTo: to },
        fix: acsFix(to, 'ACS URL (which fills Recipient)'),
      });
    });
    return hits;
  },
});
