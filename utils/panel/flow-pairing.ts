import { buildFlows } from '../flow/build-flows';
import type { Flow } from '../flow/types';
import type { PickedProfile } from '../profiles';
import type { Message } from '../protocols/types';
import type { Finding } from '../rules/types';

// The incremental analysis' pairing (incremental-analysis.ts): the flows of the kept messages, paired again only
// in the stretches a capture changed, between "settled points" (see SETTLED).

/** A flow that no later message can join: pairing from a point with only such flows before it starts afresh. */
const SETTLED: Record<string, (flow: Flow) => boolean> = {
  // utils/saml/build-flows.ts joins a message to an earlier flow only through a flow without a response
  // (`again`, InResponseTo, latest unanswered request); one with a response is looked up but never joined.
  saml: (flow) => flow.kind === 'other' || !!flow.responseKey,
};

export interface FlowRecord {
  /** The flow as shown: stable id, hops, profile. */
  flow: Flow;
  /** What the pairing gave (before hops and judgement): compared with the next pairing. */
  paired: string;
  messages: Message[];
  protocol: string;
  first: number;
  last: number;
  firstSeq: number;
  lastSeq: number;
  picked?: PickedProfile;
  /** Its messages' findings in rule order (cached until it is judged again or a cross-flow rule speaks again). */
  findings?: Finding[];
}

/** What a pairing gave for one flow, as text: equal text, same flow. */
function pairingText(flow: Flow): string {
  return JSON.stringify({ ...flow, id: '' });
}

/** The first index in [0, n) where `past` holds, for a `past` false up to some index and true from there (n: never). */
function firstWhere(n: number, past: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The flows of the kept messages, in order of first message, and the flow of each message. */
export class FlowPairing {
  flows: FlowRecord[] = [];
  readonly flowOf = new Map<string, FlowRecord>();
  /** Messages the last `pair` paired again. */
  paired = 0;

  /** `ordinal`: a message's place in capture order (exchange, then its place in the exchange). */
  constructor(private readonly ordinal: (m: Message) => number) {}

  clear(): void {
    this.flows = [];
    this.flowOf.clear();
  }

  /** Pairs again the stretches of each protocol that changed; returns the flows that are new. */
  pair(changes: { added: Message[]; removed: Message[] }): Set<FlowRecord> {
    this.paired = 0;
    const fresh = new Set<FlowRecord>();
    const protocols = new Set<string>([...changes.added, ...changes.removed].map((m) => m.protocol));
    if (!protocols.size) return fresh;
    const removed = new Set(changes.removed);
    const replaced: FlowRecord[] = [];
    const made: FlowRecord[] = [];
    for (const protocol of protocols) {
      const old = this.flows.every((r) => r.protocol === protocol) ? this.flows : this.flows.filter((r) => r.protocol === protocol);
      const added = changes.added.filter((m) => m.protocol === protocol).map((m) => ({ m, at: this.ordinal(m) })).sort((a, b) => a.at - b.at);
      const settled = SETTLED[protocol];
      // Blocks: runs of old flows between settled points (`starts`: where each begins in `old`). A dirty block
      // (a dropped message, or a new one within its span) is paired again, with the next ones until a settled point.
      const starts: number[] = [];
      let open = false;
      let maxLast = -Infinity;
      for (let i = 0; i < old.length; i++) {
        const rec = old[i]!;
        if (!i || (!open && maxLast < rec.first)) starts.push(i);
        if (!open && !settled?.(rec.flow)) open = true;
        if (rec.last > maxLast) maxLast = rec.last;
      }
      // The last block starting at or before old flow i; where a flow is in `old`; the last old flow starting at
      // or before an ordinal (0 when none).
      const blockOf = (i: number) => Math.max(0, firstWhere(starts.length, (k) => starts[k]! > i) - 1);
      const indexOf = (rec: FlowRecord) => firstWhere(old.length, (k) => old[k]!.first >= rec.first);
      const lastFrom = (at: number) => Math.max(0, firstWhere(old.length, (k) => old[k]!.first > at) - 1);
      const dirty = new Set<number>();
      for (const m of changes.removed) {
        const rec = m.protocol === protocol ? this.flowOf.get(m.key) : undefined;
        if (rec && rec.messages.includes(m)) dirty.add(blockOf(indexOf(rec)));
      }
      const addedIn = new Map<number, Message[]>();
      const addedAfter: Message[] = [];
      for (const { m, at } of added) {
        // The block whose span holds it; after the last block when every flow before it is settled.
        const b = old.length ? blockOf(lastFrom(at)) : -1;
        if (b < 0 || (b === starts.length - 1 && !open && at > maxLast)) addedAfter.push(m);
        else {
          dirty.add(b);
          const list = addedIn.get(b);
          if (list) list.push(m);
          else addedIn.set(b, [m]);
        }
      }
      const blockRecs = (b: number) => old.slice(starts[b], b + 1 < starts.length ? starts[b + 1] : old.length);
      for (const d of [...dirty].sort((x, y) => x - y)) {
        if (!dirty.has(d)) continue;
        // Pair from this block on until the stretch ends settled before a clean block.
        let e = d;
        let messages: Message[] = [];
        const take = (b: number) => {
          for (const rec of blockRecs(b)) {
            replaced.push(rec);
            for (const m of rec.messages) if (!removed.has(m)) messages.push(m);
          }
          messages.push(...(addedIn.get(b) ?? []));
          dirty.delete(b);
        };
        for (;;) {
          take(e++);
          while (e < starts.length && dirty.has(e)) take(e++);
          if (e >= starts.length) messages.push(...addedAfter.splice(0));
          messages = this.inOrder(messages);
          const flows = buildFlows(messages);
          if (e >= starts.length || flows.every((f) => settled?.(f))) {
            made.push(...this.records(flows, messages));
            this.paired += messages.length;
            break;
          }
          // An unsettled flow at the end of the stretch could take the next block's messages: take that block too.
        }
      }
      if (addedAfter.length) {
        const messages = this.inOrder(addedAfter);
        made.push(...this.records(buildFlows(messages), messages));
        this.paired += messages.length;
      }
    }
    // Flows the pairing gave again unchanged keep their judgement (and object).
    const previous = new Map(replaced.map((rec) => [rec.flow.messageKeys[0]!, rec]));
    const gone = new Set(replaced);
    for (const rec of replaced) for (const m of rec.messages) if (this.flowOf.get(m.key) === rec) this.flowOf.delete(m.key);
    const all = gone.size ? this.flows.filter((rec) => !gone.has(rec)) : this.flows.slice();
    for (const rec of made) {
      const was = previous.get(rec.flow.messageKeys[0]!);
      const same = was && was.paired === rec.paired && was.messages.every((m, i) => m === rec.messages[i]);
      const kept = same ? was : rec;
      if (!same) fresh.add(rec);
      // In order of first message, as buildFlows lists them.
      all.splice(firstWhere(all.length, (k) => all[k]!.first >= kept.first), 0, kept);
      for (const m of kept.messages) this.flowOf.set(m.key, kept);
    }
    this.flows = all;
    return fresh;
  }

  private inOrder(messages: Message[]): Message[] {
    return messages
      .map((m) => ({ m, at: this.ordinal(m) }))
      .sort((a, b) => a.at - b.at)
      .map((x) => x.m);
  }

  private records(flows: Flow[], messages: readonly Message[]): FlowRecord[] {
    const byKey = new Map(messages.map((m) => [m.key, m]));
    return flows.map((flow) => {
      const own = flow.messageKeys.map((k) => byKey.get(k)!);
      flow.id = `flow-${flow.messageKeys[0]}`;
      const seqs = own.map((m) => m.exchangeIndex);
      return {
        flow,
        paired: pairingText(flow),
        messages: own,
        protocol: flow.protocol,
        first: this.ordinal(own[0]!),
        last: Math.max(...own.map((m) => this.ordinal(m))),
        firstSeq: Math.min(...seqs),
        lastSeq: Math.max(...seqs),
      };
    });
  }
}
