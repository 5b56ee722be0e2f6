import type { SamlFlow } from '../flow/types';
import type { SamlMessage } from './types';
import { urlParts } from '../url/url-parts';

/** A Response this long after an unanswered AuthnRequest is not taken as its answer. */
const PAIRING_WINDOW_MS = 15 * 60 * 1000;

/**
 * Group messages (in capture order) into flows: AuthnRequest ↔ Response by ID/InResponseTo (SAML core
 * §3.2.2), LogoutRequest ↔ LogoutResponse likewise. A Response whose InResponseTo matches no request is still
 * paired with the latest unanswered AuthnRequest sent to the same service, so that the mismatch can be shown.
 */
export function buildSamlFlows(messages: readonly SamlMessage[]): SamlFlow[] {
  const flows: SamlFlow[] = [];
  const openById = new Map<string, SamlFlow>();
  const unanswered: Array<{ flow: SamlFlow; request: SamlMessage }> = [];

  const start = (kind: SamlFlow['kind'], m: SamlMessage): SamlFlow => {
    // The engine numbers flows over all protocols (utils/flow/build-flows.ts).
    const flow: SamlFlow = { id: '', protocol: 'saml', kind, messageKeys: [m.key], unsolicited: false };
    if (m.capturedAt) flow.startedAt = flow.endedAt = m.capturedAt;
    if (m.relayState !== undefined) flow.relayState = m.relayState;
    flows.push(flow);
    return flow;
  };
  const add = (flow: SamlFlow, m: SamlMessage) => {
    flow.messageKeys.push(m.key);
    if (m.capturedAt) {
      flow.startedAt ??= m.capturedAt;
      flow.endedAt = m.capturedAt;
    }
    if (flow.relayState === undefined && m.relayState !== undefined) flow.relayState = m.relayState;
  };

  for (const m of messages) {
    if (m.kind === 'AuthnRequest' || m.kind === 'LogoutRequest') {
      // The same request seen again before its answer (an IdP-internal redirect that carries it on, or the
      // same exchange captured twice) is one sign-in, not a new one left unanswered.
      const again = m.id ? openById.get(m.id) : undefined;
      if (again && !again.responseKey && again.kind === (m.kind === 'AuthnRequest' ? 'sign-in' : 'sign-out')) {
        add(again, m);
        continue;
      }
      const flow = start(m.kind === 'AuthnRequest' ? 'sign-in' : 'sign-out', m);
      flow.requestKey = m.key;
      if (m.request?.acsUrl) flow.acsUrl = m.request.acsUrl;
      if (m.id) openById.set(m.id, flow);
      if (m.kind === 'AuthnRequest') unanswered.push({ flow, request: m });
      continue;
    }
    if (m.kind === 'Response' || m.kind === 'LogoutResponse') {
      let flow = m.inResponseTo ? openById.get(m.inResponseTo) : undefined;
      if (flow && flow.responseKey) flow = undefined; // a second answer to one request is a replay: its own flow
      if (!flow && m.kind === 'Response' && m.inResponseTo) flow = latestUnanswered(unanswered, m);
      if (flow) {
        add(flow, m);
        const i = unanswered.findIndex((u) => u.flow === flow);
        if (i >= 0) unanswered.splice(i, 1);
      } else {
        flow = start(m.kind === 'Response' ? 'sign-in' : 'sign-out', m);
        flow.unsolicited = m.kind === 'Response' && !m.inResponseTo;
      }
      flow.responseKey = m.key;
      flow.acsStatus = m.httpStatus;
      flow.acsUrl ??= m.url;
      if (flow.acsStatus === undefined) delete flow.acsStatus;
      continue;
    }
    // Artifacts, unreadable fields and other messages stand alone.
    start('other', m);
  }
  return flows;
}

function latestUnanswered(unanswered: Array<{ flow: SamlFlow; request: SamlMessage }>, response: SamlMessage): SamlFlow | undefined {
  const at = response.capturedAt ? Date.parse(response.capturedAt) : NaN;
  for (let i = unanswered.length - 1; i >= 0; i--) {
    const { flow, request } = unanswered[i]!;
    const sent = request.capturedAt ? Date.parse(request.capturedAt) : NaN;
    if (!Number.isNaN(at) && !Number.isNaN(sent) && (at < sent || at - sent > PAIRING_WINDOW_MS)) continue;
    if (sameOrigin(request.request?.acsUrl, response.url) || sameOrigin(request.issuer, response.url)) return flow;
  }
  return undefined;
}

function sameOrigin(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = urlParts(a);
  const y = urlParts(b);
  return !!x && !!y && x.host === y.host;
}
