import type { Message } from '../protocols/types';

// The kept messages of each protocol by capture time: where the incremental analysis looks up the window a
// cross-flow rule reads (incremental-analysis.ts, CROSS_FLOW_RULES).

export const timeOf = (m: Message) => (m.capturedAt ? Date.parse(m.capturedAt) : NaN);

/** Sorted by capture time, then exchange: the first place at or after (t, seq). */
function timedIndex(list: readonly Message[], t: number, seq: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = list[mid]!;
    const mt = timeOf(m);
    if (mt < t || (mt === t && m.exchangeIndex < seq)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class TimedMessages {
  private readonly byProtocol = new Map<string, Message[]>();

  /** A message without a capture time is not kept: no window holds it. */
  add(m: Message): void {
    const t = timeOf(m);
    if (Number.isNaN(t)) return;
    let list = this.byProtocol.get(m.protocol);
    if (!list) this.byProtocol.set(m.protocol, (list = []));
    list.splice(timedIndex(list, t, m.exchangeIndex), 0, m);
  }

  remove(m: Message): void {
    const t = timeOf(m);
    const list = this.byProtocol.get(m.protocol);
    if (Number.isNaN(t) || !list) return;
    for (let i = timedIndex(list, t, m.exchangeIndex); i < list.length && timeOf(list[i]!) === t; i++) {
      if (list[i] === m) {
        list.splice(i, 1);
        return;
      }
    }
  }

  clear(): void {
    this.byProtocol.clear();
  }

  /** The messages of `protocol` captured from `from` to `until` (ms, both included), oldest first. */
  between(protocol: string, from: number, until: number): Message[] {
    const list = this.byProtocol.get(protocol) ?? [];
    const out: Message[] = [];
    for (let i = timedIndex(list, from, -Infinity); i < list.length && timeOf(list[i]!) <= until; i++) out.push(list[i]!);
    return out;
  }
}
