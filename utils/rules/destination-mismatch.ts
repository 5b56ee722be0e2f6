import { acsFix } from './support/acs-settings';
import { defineRule } from './define-rule';
import { SPEC } from './support/docs-links';
import { bearerConfirmations } from './support/bearer-confirmation';
import { deliveredTo, describeDifference, startsWithEndpoint } from './support/transport';
import type { SamlMessage } from '../saml/types';
import type { Hit } from './types';

export default defineRule({
  id: 'destination-mismatch',
  severity: 'error',
  title: 'Destination is empty or not where the Response was posted',
  description:
    "A signed Response must name in Destination the URL it is sent to (SAML bindings §3.5.5.2), and the SP checks that it was received there. An empty Destination, none on a signed Response, or one that the posting URL does not start with, is rejected.",
  docs: SPEC.bindings,
  fix: acsFix(undefined, 'ACS URL'),
  appliesTo: ['Response'],
  check({ message }) {
    const path = 'Response/@Destination';
    const to = deliveredTo(message);
    if (message.destination !== undefined && message.destination.trim() === '') {
      return [
        {
          message: `The Response's Destination is empty (Destination="")${to ? ` though it was posted to ${to}` : ''}: SPs that check it reject the Response.`,
          evidence: { path, value: message.destination, ...(to ? { postedTo: to } : {}) },
          fix: acsFix(to, 'ACS URL (which fills Destination)'),
        },
      ];
    }
    if (message.destination === undefined) {
      if (!message.signature) return [];
      return [
        {
          message: `The Response is signed but has no Destination${to ? ` (it was posted to ${to})` : ''}: SAML bindings §3.5.5.2 requires one on a signed Response, and strict SPs reject it.`,
          evidence: { path, value: '(absent)', ...(to ? { postedTo: to } : {}) },
          fix: acsFix(to, 'ACS URL (which fills Destination)'),
        },
      ];
    }
    if (!to) return againstRecipient(message.destination, message);
    if (startsWithEndpoint(to, message.destination)) return [];
    const diff = describeDifference(message.destination, to);
    return [
      {
        message: `The Response's Destination is ${message.destination} but it was posted to ${to}${diff ? ` (${diff})` : ''}: the SP rejects a Response addressed elsewhere.`,
        evidence: { path, value: message.destination, postedTo: to },
        fix: acsFix(to, 'ACS URL (which fills Destination)'),
      },
    ];
  },
});

/**
 * A message read without its POST (pasted, or a file): the bearer Recipient is the IdP's other statement of the
 * ACS URL, and an IdP fills both from one setting, so a Destination that differs from it is the wrong one or
 * the Recipient is.
 */
function againstRecipient(destination: string, message: SamlMessage): Hit[] {
  const recipients = [...new Set(message.assertions.flatMap((a) => bearerConfirmations(a).map((c) => c.recipient)).filter((r): r is string => !!r?.trim()))];
  if (!recipients.length || recipients.some((r) => startsWithEndpoint(r, destination) || startsWithEndpoint(destination, r))) return [];
  const recipient = recipients[0]!;
  const diff = describeDifference(destination, recipient);
  return [
    {
      message: `The Response's Destination is ${destination} but its bearer Recipient is ${recipient}${diff ? ` (${diff})` : ''}: the IdP names two different ACS URLs, and the SP rejects the Response at whichever is not its own.`,
      evidence: { path: 'Response/@Destination', value: destination, recipient },
      fix: acsFix(undefined, 'ACS URL (which fills Destination and Recipient)'),
    },
  ];
}
