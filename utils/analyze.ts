import { attachHops } from './flow/attach-hops';
import { buildFlows } from './flow/build-flows';
import type { Flow, SkippedCheck } from './flow/types';
import type { Exchange, HarEntry } from './har/types';
import type { Provisioning } from './profiles/types';
import { judgedWords, profileLabel } from './profiles/profile-label';
import { pickProfile, type AttributeMapping, type EnterpriseContext, type PickedProfile, type ProfileId } from './profiles';
import type { ReadCache } from './protocols/read-cache';
import { PROTOCOLS, protocolById } from './protocols/registry';
import type { Message } from './protocols/types';
import { ruleReference } from './rules/define-rule';
import { RULES, SEVERITY_RANK } from './rules/index';
import { judgingTime, toJudgedAt } from './rules/support/judging-time';
import type { Finding, Hit, OrgGroups, Rule, RuleContext } from './rules/types';
import type { TrustMaterial } from './trust/types';

export interface AnalyzeOptions {
  /** Target service for every flow; detected per flow (enterprise, service host, else generic) when not given. */
  profile?: ProfileId;
  /** The configured enterprises: where their sign-ins go and what their admins set up. */
  enterprises?: readonly EnterpriseContext[];
  /** The admin's own attribute names, tried before the profile's defaults (over an enterprise's). */
  mapping?: Partial<AttributeMapping>;
  /** Provisioning mode for every flow (`--provisioning`), over the enterprise's. */
  provisioning?: Provisioning;
  /** Okta Express Configuration for every flow (`--okta-express`), over the enterprise's. */
  oktaExpress?: boolean;
  spEntityId?: string;
  /**
   * Evaluate time rules at this instant instead of each exchange's capture time (a message without one is
   * judged at its own IssueInstant).
   */
  now?: string | number | Date;
  /** Clock skew tolerated by the time rules, in seconds (default 300). */
  skewSeconds?: number;
  orgGroups?: OrgGroups[];
  /** Rules to run (default: all). */
  rules?: readonly Rule[];
  /**
   * Reuse what earlier analyses read from the same HAR entry objects (decoded, parsed, modelled), for a caller
   * that analyzes a growing list again and again (the devtools panel). The result is the same as without it.
   */
  readCache?: ReadCache;
  /** Metadata, certificates and a decryption key, for the async enrich step (analyze-with-trust.ts). */
  trust?: TrustMaterial;
  /** Rethrow what a rule throws instead of reporting it as a warning: for tests, which must see the bug. */
  strict?: boolean;
}

export interface Analysis {
  messages: Message[];
  flows: Flow[];
  findings: Finding[];
}

export const DEFAULT_SKEW_SECONDS = 300;

type Input = readonly (HarEntry | Exchange)[];

const entryOf = (item: HarEntry | Exchange): HarEntry => ('entry' in item ? item.entry : item);

/** Every protocol's messages in each exchange, in exchange order. Never throws on input. */
export function readMessages(input: Input, cache?: ReadCache): Message[] {
  const messages: Message[] = [];
  input.forEach((item, index) => {
    const entry = entryOf(item);
    for (const protocol of PROTOCOLS) for (const message of protocol.read(entry, index, cache)) messages.push(message);
  });
  return messages;
}

/** The one pipeline (DESIGN.md): HAR entries → messages → flows → findings. Pure and synchronous; never throws on input. */
export function analyze(input: Input, options: AnalyzeOptions = {}): Analysis {
  return judgeMessages(input, readMessages(input, options.readCache), options);
}

/** Flows, their profiles and hops, and the rules' findings over messages already read (and maybe enriched). */
export function judgeMessages(input: Input, messages: Message[], options: AnalyzeOptions = {}): Analysis {
  const flows = buildFlows(messages);
  if (flows.length) attachHops(flows, input.map(entryOf), messages);
  const byKey = new Map(messages.map((m) => [m.key, m]));
  const byProtocol = new Map<string, Map<string, Message>>();
  for (const m of messages) {
    let own = byProtocol.get(m.protocol);
    if (!own) byProtocol.set(m.protocol, (own = new Map()));
    own.set(m.key, m);
  }
  const judging = judgingOf(options);
  const findings: Finding[] = [];
  for (const flow of flows) {
    const flowMessages = flow.messageKeys.map((k) => byKey.get(k)!);
    for (const finding of judgeFlow(flow, flowMessages, byKey, (m) => byProtocol.get(m.protocol)!, judging).findings) findings.push(finding);
  }
  findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  return { messages, flows, findings };
}

/** What judging a flow takes from the options, worked out once per analysis. */
export interface Judging {
  options: AnalyzeOptions;
  fixedNow?: number;
  rules: readonly Rule[];
  trustGiven: boolean;
}

export function judgingOf(options: AnalyzeOptions): Judging {
  return {
    options,
    fixedNow: options.now === undefined ? undefined : new Date(options.now).getTime(),
    rules: options.rules ?? RULES,
    trustGiven: !!(options.trust?.metadata?.length || options.trust?.certificates?.length),
  };
}

/**
 * One flow's judgement (its hops attached): picks its profile (set on the flow with the reason and the skipped
 * checks), sets each message's judgedAt, and runs the rules `runs` admits on each message, in message then rule
 * order. `messagesFor` gives a rule's `ctx.messages`. Exported for the devtools panel, which judges again only
 * the flows a capture changed (utils/panel/incremental-analysis.ts).
 */
export function judgeFlow(
  flow: Flow,
  flowMessages: readonly Message[],
  byKey: ReadonlyMap<string, Message>,
  messagesFor: (message: Message) => ReadonlyMap<string, Message>,
  judging: Judging,
  runs: (rule: Rule) => boolean = () => true,
): { findings: Finding[]; picked: PickedProfile } {
  const { options } = judging;
  const picked = pickFor(flow, flowMessages, options);
  flow.profile = picked.profile.id;
  flow.reason = picked.reason;
  const request = flow.requestKey ? byKey.get(flow.requestKey) : undefined;
  const skipped = new Map<string, SkippedCheck>();
  const findings: Finding[] = [];
  for (const message of flowMessages) {
    const ctx = ruleContext(message, flow, request, messagesFor(message), picked, judging);
    message.judgedAt = toJudgedAt(ctx.now, ctx.nowSource);
    for (const rule of judging.rules) {
      if (!rule.protocols.includes(message.protocol) || !rule.appliesTo.includes(message.kind)) continue;
      const skip = skipReason(rule, ctx);
      if (skip) {
        if (!skipped.has(rule.id)) skipped.set(rule.id, { rule: rule.id, reason: skip });
        continue;
      }
      if (runs(rule)) for (const finding of ruleFindings(rule, ctx, options.strict)) findings.push(finding);
    }
  }
  if (skipped.size) flow.skipped = [...skipped.values()];
  return { findings, picked };
}

/** What a rule sees of one message of a judged flow. */
export function ruleContext(
  message: Message,
  flow: Flow,
  request: Message | undefined,
  messages: ReadonlyMap<string, Message>,
  picked: PickedProfile,
  judging: Judging,
): RuleContext<Message> {
  const { options } = judging;
  const { now, source: nowSource } = judgingTime(message, judging.fixedNow);
  const ctx: RuleContext<Message> = {
    message,
    flow,
    request: request === message ? undefined : request,
    messages,
    profile: picked.profile,
    reason: picked.reason,
    spEntityId: options.spEntityId ?? picked.enterprise?.sp?.entityId,
    orgGroups: options.orgGroups,
    now,
    nowSource,
    skewSeconds: options.skewSeconds ?? DEFAULT_SKEW_SECONDS,
    trustGiven: judging.trustGiven,
  };
  if (picked.enterprise) ctx.enterprise = picked.enterprise;
  return ctx;
}

/** One rule's findings on the message of `ctx`. */
export function ruleFindings(rule: Rule, ctx: RuleContext<Message>, strict?: boolean): Finding[] {
  const { message, flow } = ctx;
  return runRule(rule, ctx, strict).map((hit) => {
    const finding: Finding = {
      rule: rule.id,
      severity: hit.severity ?? rule.severity,
      title: rule.title,
      message: hit.message,
      messageKey: message.key,
      flowId: flow!.id,
      docs: rule.docs,
      reference: ruleReference(rule.id),
    };
    if (message.id) finding.messageId = message.id;
    if (hit.evidence) finding.evidence = hit.evidence;
    if (hit.fix) finding.fix = hit.fix;
    return finding;
  });
}

function pickFor(flow: Flow, messages: readonly Message[], options: AnalyzeOptions): PickedProfile {
  const protocol = protocolById(flow.protocol);
  const urls: string[] = [];
  if (protocol) for (const m of messages) for (const url of protocol.urlsOf(m)) if (url) urls.push(url);
  // The pages around the messages too: a sign-in that starts at an enterprise's own link is that enterprise's.
  for (const hop of flow.hops ?? []) urls.push(hop.url);
  return pickProfile({ flow, messages, urls }, {
    chosen: options.profile,
    enterprises: options.enterprises,
    mapping: options.mapping,
    settings: { provisioning: options.provisioning, oktaExpress: options.oktaExpress },
  });
}

/** Why a rule does not run on a flow, recorded so that its silence is not read as a pass. */
function skipReason(rule: Rule, ctx: RuleContext<Message>): string | undefined {
  if (rule.judges && !ctx.profile.checks[rule.judges]) {
    const protocol = ctx.message.protocol;
    return `the ${profileLabel(ctx.profile.id, protocol)} profile does not judge ${judgedWords(rule.judges, protocol)}`;
  }
  if (rule.needsOrgGroups && !ctx.orgGroups?.length) return 'no organization group list was given';
  return undefined;
}

/** A rule that throws is a bug in SSO Lens, not in the user's input: report it as a finding and go on (unless strict). */
function runRule(rule: Rule, ctx: RuleContext<Message>, strict = false): Hit[] {
  try {
    return rule.check(ctx);
  } catch (e) {
    if (strict) throw e;
    return [
      {
        severity: 'warning',
        message: `SSO Lens could not evaluate this rule on the message (${(e as Error).message}). Please report it.`,
      },
    ];
  }
}
