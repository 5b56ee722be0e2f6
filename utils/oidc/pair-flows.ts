import type { OidcFlow, OidcPairedBy as PairedBy } from '../flow/types';
import { claimList } from './decode-jwt';
import type { OidcMessage } from './types';

/** A response this long after an unanswered request is not taken as its answer (as for SAML). */
const PAIRING_WINDOW_MS = 15 * 60 * 1000;

interface Open {
  flow: OidcFlow;
  /** None for a response no captured request asked for: it stays open only for the token call redeeming its code. */
  request?: OidcMessage;
  code?: string;
}

/**
 * Group OIDC messages (in capture order) into sign-ins: request ↔ response by `state` (RFC 6749 §4.1.2), then by
 * the ID token's `nonce` (OIDC Core §3.1.3.7), then by where the response landed against the request's
 * `redirect_uri`; the browser's token call joins the flow whose code it redeems. A response paired by the weaker
 * keys still joins its request, so that rules can show the state or nonce that disagree.
 */
export function pairOidcFlows(messages: readonly OidcMessage[]): OidcFlow[] {
  const flows: OidcFlow[] = [];
  const open: Open[] = [];
  const byExchange = new Map<number, OidcFlow>();

  const start = (kind: OidcFlow['kind'], m: OidcMessage): OidcFlow => {
    // The engine numbers flows over all protocols.
    const flow: OidcFlow = { id: '', protocol: 'oidc', kind, messageKeys: [m.key], unsolicited: false };
    if (m.capturedAt) flow.startedAt = flow.endedAt = m.capturedAt;
    flows.push(flow);
    byExchange.set(m.exchangeIndex, flow);
    return flow;
  };
  const add = (flow: OidcFlow, m: OidcMessage) => {
    flow.messageKeys.push(m.key);
    if (m.capturedAt) {
      flow.startedAt ??= m.capturedAt;
      flow.endedAt = m.capturedAt;
    }
    byExchange.set(m.exchangeIndex, flow);
  };

  for (const m of messages) {
    switch (m.kind) {
      case 'AuthorizationRequest': {
        const a = m.authorization!;
        // The same request passed on again before an answer (the provider's own sign-in pages re-enter /authorize)
        // is one sign-in, not a new one left unanswered.
        const again = open.find((o) => !o.flow.responseKey && o.request && sameRequest(o.request, m));
        if (again) {
          add(again.flow, m);
          break;
        }
        const flow = start('sign-in', m);
        flow.requestKey = m.key;
        if (a.clientId || a.state) open.push({ flow, request: m });
        break;
      }
      case 'AuthorizationResponse':
      case 'ErrorResponse': {
        if (m.carrier === 'html') {
          // Entra ID's error page answers the authorization request of the same exchange.
          const flow = byExchange.get(m.exchangeIndex);
          if (flow) {
            add(flow, m);
            flow.responseKey ??= m.key;
            flow.pairedBy ??= 'exchange';
            closeFlow(open, flow);
          } else start('sign-in', m).responseKey = m.key;
          break;
        }
        if (m.carrier === 'json') {
          // A token endpoint's error belongs with the token call of the same exchange.
          const flow = byExchange.get(m.exchangeIndex);
          if (flow) {
            add(flow, m);
            flow.tokenResponseKey = m.key;
          } else start('other', m);
          break;
        }
        const match = findRequest(open, m);
        let flow: OidcFlow;
        if (match) {
          flow = match.open.flow;
          add(flow, m);
          flow.pairedBy = match.by;
          const code = m.response?.code;
          if (code) match.open.code = code;
        } else {
          flow = start('sign-in', m);
          flow.unsolicited = true;
          // The request may just be missing from the capture (DevTools opened mid-sign-in): the token call that
          // redeems this code still belongs with it, and its answer is the sign-in's outcome.
          const code = m.response?.code;
          if (code) open.push({ flow, code });
        }
        flow.responseKey = m.key;
        // A fragment response is seen on the provider's redirect, not at the redirect URI: no callback status then.
        if (m.carrier !== 'fragment' && m.httpStatus !== undefined) flow.callbackStatus = m.httpStatus;
        break;
      }
      case 'TokenRequest': {
        const t = m.tokenRequest!;
        let target = t.code ? open.find((o) => o.code === t.code) : undefined;
        let by: PairedBy = 'code';
        if (!target && t.code) {
          // The code's answer was not captured (a fragment lost, a HAR cut short): the latest sign-in of the same
          // client and redirect URI.
          target = [...open].reverse().find((o) => o.flow.responseKey && o.request && o.request.authorization!.clientId === t.clientId && sameTarget(o.request.authorization!.redirectUri, t.redirectUri));
          by = 'redirect_uri';
        }
        let flow: OidcFlow;
        if (target) {
          flow = target.flow;
          add(flow, m);
          flow.pairedBy ??= by;
        } else flow = start('other', m);
        flow.tokenRequestKey = m.key;
        break;
      }
      case 'TokenResponse': {
        const flow = byExchange.get(m.exchangeIndex);
        if (flow) {
          add(flow, m);
          flow.tokenResponseKey = m.key;
        } else start('other', m);
        break;
      }
      case 'EndSession': {
        const flow = start('sign-out', m);
        flow.requestKey = m.key;
        break;
      }
      default:
        start('other', m);
    }
  }
  return flows;
}

function sameRequest(a: OidcMessage, b: OidcMessage): boolean {
  const x = a.authorization!;
  const y = b.authorization!;
  return x.clientId === y.clientId && x.state === y.state && x.nonce === y.nonce && x.redirectUri === y.redirectUri;
}

function closeFlow(open: Open[], flow: OidcFlow): void {
  const i = open.findIndex((o) => o.flow === flow);
  if (i >= 0 && !open[i]!.code) open.splice(i, 1);
}

function findRequest(open: Open[], m: OidcMessage): { open: Open; by: PairedBy } | undefined {
  const state = m.response?.state ?? m.error?.state;
  const unanswered = open.filter((o): o is Open & { request: OidcMessage } => !o.flow.responseKey && !!o.request);
  if (state !== undefined) {
    const o = unanswered.find((u) => u.request.authorization!.state === state);
    if (o) return { open: o, by: 'state' };
  }
  const nonce = m.response?.idToken?.payload?.nonce;
  if (typeof nonce === 'string') {
    const o = unanswered.find((u) => u.request.authorization!.nonce === nonce);
    if (o) return { open: o, by: 'nonce' };
  }
  const target = m.response?.redirectTarget ?? m.error?.redirectTarget;
  const at = m.capturedAt ? Date.parse(m.capturedAt) : NaN;
  for (let i = unanswered.length - 1; i >= 0; i--) {
    const u = unanswered[i]!;
    const sent = u.request.capturedAt ? Date.parse(u.request.capturedAt) : NaN;
    if (!Number.isNaN(at) && !Number.isNaN(sent) && (at < sent || at - sent > PAIRING_WINDOW_MS)) continue;
    if (sameTarget(u.request.authorization!.redirectUri, target)) return { open: u, by: 'redirect_uri' };
  }
  // Last resort for the redirect-URI rule: a response for the request's client (aud) whose landing differs.
  const aud = claimList(m.response?.idToken?.payload, 'aud');
  if (aud.length) {
    const o = [...unanswered].reverse().find((u) => aud.includes(u.request.authorization!.clientId));
    if (o) return { open: o, by: 'client_id' };
  }
  return undefined;
}

/** Two redirect URIs point at the same place: same origin and path (query and fragment aside). */
export function sameTarget(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.origin === y.origin && x.pathname === y.pathname;
  } catch {
    return a === b;
  }
}
