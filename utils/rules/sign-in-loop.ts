import { defineRule } from './define-rule';
import type { Fix } from './types';
import { SPEC } from './support/docs-links';
import type { SamlMessage } from '../saml/types';
import { urlParts } from '../url/url-parts';

/** Three trips to the IdP within this window is a loop, not a user trying again. */
export const LOOP_WINDOW_MS = 30_000;
export const LOOP_COUNT = 3;

const timeOf = (m: SamlMessage) => (m.capturedAt ? Date.parse(m.capturedAt) : NaN);

/** The service and the IdP a request goes between: the SP's entity ID (Issuer) and the IdP endpoint's host. */
function route(m: SamlMessage): string | undefined {
  if (m.kind !== 'AuthnRequest' || !m.issuer) return undefined;
  // With no readable endpoint the issuer alone decides.
  const host = urlParts(m.destination ?? m.url)?.host ?? '';
  return `${m.issuer}\n${host}`;
}

interface Trip {
  route: SamlMessage[];
  index: number;
}

// Every AuthnRequest asks the same question of the same list: sort each route once per analysis (a capture of
// 10,000 exchanges holds thousands of requests).
const tripsByAnalysis = new WeakMap<ReadonlyMap<string, SamlMessage>, Map<SamlMessage, Trip>>();

function tripsOf(messages: ReadonlyMap<string, SamlMessage>): Map<SamlMessage, Trip> {
  let trips = tripsByAnalysis.get(messages);
  if (trips) return trips;
  const routes = new Map<string, SamlMessage[]>();
  for (const m of messages.values()) {
    const key = route(m);
    if (key === undefined || Number.isNaN(timeOf(m))) continue;
    let list = routes.get(key);
    if (!list) routes.set(key, (list = []));
    list.push(m);
  }
  trips = new Map();
  for (const list of routes.values()) {
    list.sort((a, b) => timeOf(a) - timeOf(b) || a.exchangeIndex - b.exchangeIndex);
    list.forEach((m, index) => trips!.set(m, { route: list, index }));
  }
  tripsByAnalysis.set(messages, trips);
  return trips;
}

/** How many requests of the route, this one included, fall in the window that ends at request `i`. */
function inWindow(route: readonly SamlMessage[], i: number): number {
  const from = timeOf(route[i]!) - LOOP_WINDOW_MS;
  let lo = 0;
  let hi = i;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (timeOf(route[mid]!) < from) lo = mid + 1;
    else hi = mid;
  }
  return i - lo + 1;
}

const LOOP_FIX: Fix = {
    generic:
      "The service does not keep the session it should open after the Response: look at the findings of the Responses in these flows first (a refused Response restarts the sign-in at some services), then at the service's answer after the ACS POST in the trace. Browsers that block the service's cookies, a session cookie without SameSite=None behind an iframe, and a clock far off also cause loops.",
};

export default defineRule({
  id: 'sign-in-loop',
  severity: 'error',
  title: 'The service sends the browser back to the IdP again and again',
  description: `The same service sent ${LOOP_COUNT} or more AuthnRequests to the same IdP within ${LOOP_WINDOW_MS / 1000} s: each sign-in came back and the service started a new one instead of opening a session.`,
  docs: SPEC.profiles,
  fix: LOOP_FIX,
  appliesTo: ['AuthnRequest'],
  check({ message, messages }) {
    const trip = tripsOf(messages).get(message);
    if (!trip) return [];
    const count = inWindow(trip.route, trip.index);
    // One finding per loop: at the request that makes the count, not at every one after it.
    if (count < LOOP_COUNT || (trip.index > 0 && inWindow(trip.route, trip.index - 1) >= LOOP_COUNT)) return [];
    const first = trip.route[trip.index - count + 1]!;
    const seconds = Math.round((timeOf(message) - timeOf(first)) / 1000);
    return [
      {
        message: `${message.issuer} sent the browser to the IdP ${count} times in ${seconds} s: the sign-in is looping instead of opening a session.`,
        evidence: { path: 'AuthnRequest/Issuer', value: message.issuer, requests: String(count), seconds: String(seconds) },
        fix: LOOP_FIX,
      },
    ];
  },
});
