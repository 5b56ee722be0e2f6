import { judgeFlow, judgingOf, ruleContext, ruleFindings, type Analysis, type AnalyzeOptions, type Judging } from '../analyze';
import { attachHops } from '../flow/attach-hops';
import type { Flow } from '../flow/types';
import type { Exchange, HarEntry } from '../har/types';
import { createReadCache, type ReadCache } from '../protocols/read-cache';
import { PROTOCOLS } from '../protocols/registry';
import type { Message } from '../protocols/types';
import { RULES, SEVERITY_RANK } from '../rules/index';
import { LOOP_WINDOW_MS } from '../rules/sign-in-loop';
import type { Finding } from '../rules/types';
import { enrich, enrichWanted } from '../trust/enrich';
import type { TrustMaterial } from '../trust/types';
import { optionsKey, sameKey, type OptionsKey } from './analysis-options-key';
import { FlowPairing, type FlowRecord } from './flow-pairing';
import { timeOf, TimedMessages } from './timed-messages';

// The devtools panel keeps up to 10,000 exchanges and gets them one capture at a time: analyzing all of them
// again for each one (`analyze()`) takes seconds. This engine gives the same analysis (the property test in
// incremental-analysis.test.ts holds it to a fresh `analyze()`) by redoing only what a capture changed:
//
// - Keys are stable: an exchange's `exchangeIndex` is its sequence number in the panel (the count of exchanges
//   dropped before it plus its index), so dropping the oldest renames nothing. Flows are named after their
//   first message (`flow-<key>`). The CLI still numbers from 0: it calls `analyze()`.
// - Messages are read once, when their exchange arrives.
// - Pairing is redone only between "settled points": places in a protocol's message sequence before which every
//   flow is complete and can take no later message (SAML: each request answered). A protocol's pairing run from
//   such a point gives what a run over everything gives, so only the stretches with a new or dropped message
//   are paired again (flow-pairing.ts). A protocol that declares no settled flows is paired again whole.
// - Hops are attached again to the flows within reach of a new or dropped exchange; a flow is judged again when
//   its pairing, hops or messages (signature results) changed, and every flow when the options did.
// - Rules that read other flows' messages (CROSS_FLOW_RULES) run again near a change (timed-messages.ts).

/**
 * Rules whose verdict on a message depends on other flows' messages, with how far back (ms of capture time) they
 * look. sign-in-loop counts requests of a route within LOOP_WINDOW_MS before a request, and before the request
 * preceding it. A test checks that no other rule reads messages outside its own flow.
 */
export const CROSS_FLOW_RULES: ReadonlyMap<string, number> = new Map([['sign-in-loop', 2 * LOOP_WINDOW_MS]]);

/** Hops reach this far around a flow's first and last exchange (attach-hops.ts: 10 before, 20 after). */
const HOPS_BEFORE = 12;
const HOPS_AFTER = 22;
/** Messages per exchange, for ordinals; more in one exchange stay in order but share the last ordinal. */
const PER_EXCHANGE = 1024;
const NO_TRUST: TrustMaterial = {};

interface Changes {
  added: Message[];
  removed: Message[];
  /** Sequence numbers of the exchanges that came or went. */
  seqs: number[];
}

interface Held {
  exchange: Exchange;
  messages: Message[];
}

export interface IncrementalStats {
  /** Exchanges read so far. */
  read: number;
  /** Messages paired again by the last update. */
  paired: number;
  /** Flows judged again by the last update. */
  judged: number;
  /** Messages the cross-flow rules ran on again in the last update. */
  crossChecked: number;
}

/**
 * The analysis of a growing, capped list of exchanges, kept between calls. `analyze(exchanges, firstSeq)` is the
 * analysis `analyze()` gives for `exchanges`, with `exchangeIndex` counted from `firstSeq` (message keys, hops and
 * error pages alike). Exchanges are told apart by object identity and sequence number.
 */
export class IncrementalAnalysis {
  readonly stats: IncrementalStats = { read: 0, paired: 0, judged: 0, crossChecked: 0 };
  private held = new Map<number, Held>();
  private start = 0;
  private end = 0;
  private readonly pairing = new FlowPairing((m) => this.ordinal(m));
  private base = new Map<string, Finding[]>();
  private cross = new Map<string, Finding[]>();
  private readonly timed = new TimedMessages();
  private key?: OptionsKey;
  /** Messages whose content changed since they were judged (signature results). */
  private touched = new Set<Message>();
  private enrichedWith = new WeakMap<Message, TrustMaterial>();
  private lastTrust?: TrustMaterial;
  /** The last analysis made: what a superseded async step answers. */
  private last: Analysis = { messages: [], flows: [], findings: [] };
  /** Some message holds results of the async step (for `lastTrust`). */
  private enriched = false;
  private readonly ruleIndex = new Map<string, number>();
  /** What changed since the last judgement (messagesOf syncs without judging). */
  private pending: Changes = { added: [], removed: [], seqs: [] };

  constructor(private readonly cache: ReadCache = createReadCache()) {}

  /** The messages of `exchanges` (read now if new), without judging them: for choosing trust material. */
  messagesOf(exchanges: readonly Exchange[], firstSeq: number): Message[] {
    this.sync(exchanges, firstSeq);
    return this.allMessages();
  }

  /** The analysis of `exchanges`, the first numbered `firstSeq`, with the rules' verdict and no async step. */
  analyze(exchanges: readonly Exchange[], firstSeq: number, options: AnalyzeOptions = {}): Analysis {
    this.useTrust(options.trust ?? NO_TRUST);
    this.sync(exchanges, firstSeq);
    const changes = this.pending;
    this.pending = { added: [], removed: [], seqs: [] };
    changes.seqs.sort((a, b) => a - b);
    return this.judge(changes, options);
  }

  /**
   * The same with the async step (signatures, decryption) for `options.trust`: only messages not yet enriched with
   * that trust material are enriched; other trust material reads every message again.
   */
  async analyzeWithTrust(exchanges: readonly Exchange[], firstSeq: number, options: AnalyzeOptions = {}): Promise<Analysis> {
    const trust = options.trust ?? NO_TRUST;
    this.useTrust(trust);
    this.sync(exchanges, firstSeq);
    this.lastTrust = trust;
    const fresh = this.allMessages().filter((m) => this.enrichedWith.get(m) !== trust);
    // The step runs on copies (it sets top-level fields only): a newer analysis may read these messages meanwhile,
    // or other trust material replace them; the results are taken only if this trust material is still the one.
    const copies = fresh.map((m) => ({ ...m }) as Message);
    if (copies.length && enrichWanted(copies, trust)) await enrich(copies, trust, { strict: options.strict });
    if (this.lastTrust !== trust) return this.last;
    fresh.forEach((m, i) => {
      Object.assign(m, copies[i]);
      this.enrichedWith.set(m, trust);
      this.touched.add(m);
    });
    if (fresh.length) this.enriched = true;
    // Captures may have come and gone while the step ran: analyze what was asked (it is ignored if stale).
    return this.analyze(exchanges, firstSeq, options);
  }

  /**
   * Messages enriched with other trust material hold its results (a decrypted assertion, a verdict on a key the
   * admin took back): start again from what the exchanges say.
   */
  private useTrust(trust: TrustMaterial): void {
    if (this.enriched && this.lastTrust !== trust) this.forget();
    this.lastTrust = trust;
  }

  /** Forgets everything read and judged, so that new trust material starts from what the exchanges say. */
  private forget(): void {
    this.held.clear();
    this.start = this.end = 0;
    this.pairing.clear();
    this.base.clear();
    this.cross.clear();
    this.timed.clear();
    this.touched.clear();
    this.enriched = false;
    this.pending = { added: [], removed: [], seqs: [] };
    this.key = undefined;
  }

  private read(entry: HarEntry, seq: number): Message[] {
    this.stats.read++;
    const out: Message[] = [];
    for (const protocol of PROTOCOLS) for (const m of protocol.read(entry, seq, this.cache)) out.push(m);
    return out;
  }

  private allMessages(): Message[] {
    const out: Message[] = [];
    for (let seq = this.start; seq < this.end; seq++) for (const m of this.held.get(seq)!.messages) out.push(m);
    return out;
  }

  private ordinal(m: Message): number {
    const held = this.held.get(m.exchangeIndex);
    const i = held ? held.messages.indexOf(m) : 0;
    return m.exchangeIndex * PER_EXCHANGE + Math.min(i, PER_EXCHANGE - 1);
  }

  /** Takes in the new list: reads new exchanges, forgets dropped ones, and notes what changed until judged. */
  private sync(exchanges: readonly Exchange[], firstSeq: number): void {
    const { added, removed, seqs } = this.pending;
        const nextEnd = firstSeq + exchanges.length;
    const from = Math.min(this.start, firstSeq);
    const to = Math.max(this.end, nextEnd);
    // Only the ends move in a live capture: skip the common middle by identity without a map lookup each.
    for (let seq = from; seq < to; seq++) {
      const before = seq >= this.start && seq < this.end ? this.held.get(seq) : undefined;
      const now = seq >= firstSeq && seq < nextEnd ? exchanges[seq - firstSeq] : undefined;
      if (before && before.exchange === now) continue;
      seqs.push(seq);
      if (before) {
        this.held.delete(seq);
        for (const m of before.messages) {
          // Read and gone again before any judgement: it never was.
          const at = added.indexOf(m);
          if (at >= 0) added.splice(at, 1);
          else removed.push(m);
          this.timed.remove(m);
        }
      }
      if (now) {
        const messages = this.read(now.entry, seq);
        this.held.set(seq, { exchange: now, messages });
        for (const m of messages) {
          added.push(m);
          this.timed.add(m);
        }
      }
    }
    this.start = firstSeq;
    this.end = nextEnd;
  }

  private judge(changes: Changes, options: AnalyzeOptions): Analysis {
    const judging = judgingOf(options);
    const key = optionsKey(options, judging.trustGiven);
    const everything = !sameKey(this.key, key);
    this.key = key;
    if (judging.rules !== RULES || !this.ruleIndex.size) {
      this.ruleIndex.clear();
      judging.rules.forEach((r, i) => this.ruleIndex.set(r.id, i));
    }
    this.stats.judged = 0;
    this.stats.crossChecked = 0;

    // 1. Pairing, per protocol, of the stretches that changed.
    const fresh = this.pairing.pair(changes);
    this.stats.paired = this.pairing.paired;

    // 2. Hops of the flows within reach of a changed exchange (and of every new flow).
    const changedSeqs = changes.seqs;
    const toJudge = new Set<FlowRecord>(everything ? this.pairing.flows : fresh);
    for (const m of this.touched) {
      const rec = this.pairing.flowOf.get(m.key);
      if (rec && rec.messages.includes(m)) toJudge.add(rec);
    }
    this.touched.clear();
    if (changedSeqs.length) {
      const lo = changedSeqs[0]!;
      const hi = changedSeqs[changedSeqs.length - 1]!;
      for (let i = 0; i < this.pairing.flows.length; i++) {
        const rec = this.pairing.flows[i]!;
        if (rec.flow.kind !== 'sign-in' || fresh.has(rec)) continue;
        if (rec.lastSeq + HOPS_AFTER < lo || rec.firstSeq - HOPS_BEFORE > hi) continue;
        if (!changedSeqs.some((s) => s >= rec.firstSeq - HOPS_BEFORE && s <= rec.lastSeq + HOPS_AFTER)) continue;
        const before = JSON.stringify([rec.flow.hops, rec.flow.errorPages]);
        const flow = this.withHops(rec);
        if (JSON.stringify([flow.hops, flow.errorPages]) !== before) {
          rec.flow = flow;
          toJudge.add(rec);
        }
      }
    }
    for (const rec of fresh) rec.flow = this.withHops(rec);

    // 3. Rules, on the flows that changed; the cross-flow rules also near each new or dropped message. A dropped
    // message's key may be a new one's already (the same sequence number after a clear): forget it first.
    for (const m of changes.removed) {
      this.base.delete(m.key);
      this.cross.delete(m.key);
    }
    const crossAgain = new Set<Message>();
    for (const rec of toJudge) {
      this.stats.judged++;
      const own = new Map(rec.messages.map((m) => [m.key, m]));
      // A flow judged again is a new object: views that skip unchanged props redraw it.
      const { skipped: _skipped, ...flow } = rec.flow;
      rec.flow = flow as Flow;
      const { findings, picked } = judgeFlow(rec.flow, rec.messages, own, () => own, judging, (rule) => !CROSS_FLOW_RULES.has(rule.id));
      rec.picked = picked;
      rec.findings = undefined;
      for (const m of rec.messages) {
        this.base.delete(m.key);
        this.cross.delete(m.key);
        crossAgain.add(m);
      }
      for (const f of findings) {
        const list = this.base.get(f.messageKey!);
        if (list) list.push(f);
        else this.base.set(f.messageKey!, [f]);
      }
    }
    this.crossRules(changes, crossAgain, judging, everything);

    this.last = this.result();
    return this.last;
  }

  /** A copy of the flow with its hops attached again, from the exchanges around it. */
  private withHops(rec: FlowRecord): Flow {
    const { hops: _h, errorPages: _e, ...rest } = rec.flow;
    const flow = { ...rest } as Flow;
    if (flow.kind !== 'sign-in') return flow;
    const lo = Math.max(this.start, rec.firstSeq - HOPS_BEFORE);
    const hi = Math.min(this.end - 1, rec.lastSeq + HOPS_AFTER);
    const entries: HarEntry[] = [];
    const marks: Array<Pick<Message, 'key' | 'exchangeIndex'>> = [];
    for (let seq = lo; seq <= hi; seq++) {
      const held = this.held.get(seq)!;
      entries.push(held.exchange.entry);
      for (const m of held.messages) marks.push({ key: m.key, exchangeIndex: seq - lo });
    }
    const probe = { ...flow } as Flow;
    attachHops([probe], entries, marks as Message[]);
    if (probe.hops) flow.hops = probe.hops.map((h) => ({ ...h, exchangeIndex: h.exchangeIndex + lo }));
    if (probe.errorPages) flow.errorPages = probe.errorPages.map((p) => ({ ...p, exchangeIndex: p.exchangeIndex + lo }));
    return flow;
  }

  /** Runs the cross-flow rules again where their verdict may have changed. */
  private crossRules(changes: { added: Message[]; removed: Message[] }, again: Set<Message>, judging: Judging, everything: boolean): void {
    const rules = judging.rules.filter((r) => CROSS_FLOW_RULES.has(r.id));
    if (!rules.length) return;
    for (const rule of rules) {
      const lookback = CROSS_FLOW_RULES.get(rule.id)!;
      for (const protocol of rule.protocols) {
        const targets = new Set<Message>([...again].filter((m) => m.protocol === protocol));
        if (!everything) {
          for (const m of [...changes.added, ...changes.removed]) {
            if (m.protocol !== protocol) continue;
            const t = timeOf(m);
            if (Number.isNaN(t)) continue;
            for (const near of this.timed.between(protocol, t, t + lookback)) targets.add(near);
          }
        }
        const applicable = [...targets].filter((m) => rule.appliesTo.includes(m.kind) && this.pairing.flowOf.get(m.key)?.messages.includes(m));
        if (!applicable.length) continue;
        // The window the rule reads: every timed message of the protocol from a target's lookback to the target.
        // Targets far apart in time (the oldest and the newest capture) get a window each.
        const windowOf = new Map<Message, Map<string, Message>>();
        const byTime = applicable.filter((m) => !Number.isNaN(timeOf(m))).sort((a, b) => timeOf(a) - timeOf(b));
        for (let i = 0; i < byTime.length; ) {
          let j = i;
          while (j + 1 < byTime.length && timeOf(byTime[j + 1]!) - timeOf(byTime[j]!) <= lookback) j++;
          const from = timeOf(byTime[i]!) - lookback;
          const until = timeOf(byTime[j]!);
          const window = new Map(this.timed.between(protocol, from, until).map((x) => [x.key, x] as const));
          for (let k = i; k <= j; k++) windowOf.set(byTime[k]!, window);
          i = j + 1;
        }
        const none = new Map<string, Message>();
        for (const m of applicable) {
          const rec = this.pairing.flowOf.get(m.key)!;
          this.stats.crossChecked++;
          const keep = (this.cross.get(m.key) ?? []).filter((f) => f.rule !== rule.id);
          if (rec.flow.skipped?.some((s) => s.rule === rule.id)) {
            this.setCross(m.key, keep);
            continue;
          }
          const request = rec.flow.requestKey ? rec.messages.find((x) => x.key === rec.flow.requestKey) : undefined;
          const ctx = ruleContext(m, rec.flow, request, windowOf.get(m) ?? none, rec.picked!, judging);
          this.setCross(m.key, [...keep, ...ruleFindings(rule, ctx, judging.options.strict)]);
        }
      }
    }
  }

  private setCross(key: string, findings: Finding[]): void {
    // The same verdict as before keeps its objects (and the flow its identity).
    if (JSON.stringify(this.cross.get(key) ?? []) === JSON.stringify(findings)) return;
    const rec = this.pairing.flowOf.get(key);
    if (rec) {
      rec.findings = undefined;
      rec.flow = { ...rec.flow };
    }
    if (findings.length) this.cross.set(key, findings);
    else this.cross.delete(key);
  }

  private result(): Analysis {
    const ranks = [...new Set(Object.values(SEVERITY_RANK))].sort((a, b) => a - b);
    const buckets = new Map<number, Finding[]>(ranks.map((r) => [r, []]));
    const flows: Flow[] = [];
    for (const rec of this.pairing.flows) {
      flows.push(rec.flow);
      if (!rec.findings) {
        rec.findings = [];
        for (const m of rec.messages) {
          const base = this.base.get(m.key);
          const cross = this.cross.get(m.key);
          const own = cross ? this.merged(base ?? [], cross) : base;
          if (own) rec.findings.push(...own);
        }
      }
      for (const f of rec.findings) buckets.get(SEVERITY_RANK[f.severity])!.push(f);
    }
    const findings: Finding[] = [];
    for (const r of ranks) for (const f of buckets.get(r)!) findings.push(f);
    return { messages: this.allMessages(), flows, findings };
  }

  /** Both lists in rule order, as judgeFlow runs the rules. */
  private merged(base: readonly Finding[], cross: readonly Finding[]): Finding[] {
    const at = (f: Finding) => this.ruleIndex.get(f.rule) ?? 0;
    return [...base, ...cross].map((f, i) => ({ f, i })).sort((a, b) => at(a.f) - at(b.f) || a.i - b.i).map((x) => x.f);
  }
}
