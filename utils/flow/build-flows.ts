import { PROTOCOLS } from '../protocols/registry';
import type { Message, Protocol } from '../protocols/types';
import type { Flow, FlowBase } from './types';

/**
 * Flows over all protocols: each protocol pairs its own messages (its `buildFlows`); a message of a protocol
 * without pairing is a flow of its own. Flows are listed and numbered (`flow-N`) by their first message.
 */
export function buildFlows(messages: readonly Message[], protocols: readonly Protocol[] = PROTOCOLS): Flow[] {
  const byProtocol = new Map<string, Message[]>();
  for (const m of messages) {
    const list = byProtocol.get(m.protocol);
    if (list) list.push(m);
    else byProtocol.set(m.protocol, [m]);
  }
  const flows: Flow[] = [];
  for (const [id, own] of byProtocol) {
    const protocol = protocols.find((p) => p.id === id);
    if (protocol?.buildFlows) flows.push(...protocol.buildFlows(own));
    else for (const m of own) flows.push(standalone(m));
  }
  if (byProtocol.size > 1) {
    const position = new Map(messages.map((m, i) => [m.key, i]));
    const first = (f: Flow) => position.get(f.messageKeys[0]!) ?? Infinity;
    flows.sort((a, b) => first(a) - first(b));
  }
  flows.forEach((f, i) => (f.id = `flow-${i + 1}`));
  return flows;
}

function standalone(m: Message): Flow {
  const base: FlowBase = { id: '', protocol: m.protocol, kind: 'other', messageKeys: [m.key] };
  const flow = base as Flow;
  if (m.capturedAt) flow.startedAt = flow.endedAt = m.capturedAt;
  return flow;
}
