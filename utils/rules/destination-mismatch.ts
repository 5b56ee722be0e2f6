import { acsFix } from './support/acs-settings';
import { defineRule } from './define-rule';
import { SPEC } from './support/docs-links';
import { deliveredTo, describeDifference, startsWithEndpoint } from './support/transport';

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
    if (!to || startsWithEndpoint(to, message.destination)) return [];
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
