import { attachHops } from './flow/attach-hops';
import { buildFlows } from './flow/build-flows';
import type { Flow, SkippedCheck } from './flow/types';
import type { Exchange, HarEntry } from './har/types';
import type { Provisioning } from './profiles/types';
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
  const fixedNow = options.now === undefined ? undefined : new Date(options.now).getTime();
  const rules = options.rules ?? RULES;
  const trustGiven = !!(options.trust?.metadata?.length || options.trust?.certificates?.length);
  const findings: Finding[] = [];
  for (const flow of flows) {
    const flowMessages = flow.messageKeys.map((k) => byKey.get(k)!);
    const picked = pickFor(flow, flowMessages, options);
    flow.profile = picked.profile.id;
    flow.reason = picked.reason;
    const request = flow.requestKey ? byKey.get(flow.requestKey) : undefined;
    const skipped = new Map<string, SkippedCheck>();
    for (const message of flowMessages) {
      const { now, source: nowSource } = judgingTime(message, fixedNow);
      message.judgedAt = toJudgedAt(now, nowSource);
      const ctx: RuleContext<Message> = {
        message,
        flow,
        request: request === message ? undefined : request,
        messages: byProtocol.get(message.protocol)!,
        profile: picked.profile,
        reason: picked.reason,
        spEntityId: options.spEntityId ?? picked.enterprise?.sp?.entityId,
        orgGroups: options.orgGroups,
        now,
        nowSource,
        skewSeconds: options.skewSeconds ?? DEFAULT_SKEW_SECONDS,
        trustGiven,
      };
      if (picked.enterprise) ctx.enterprise = picked.enterprise;
      for (const rule of rules) {
        if (!rule.protocols.includes(message.protocol) || !rule.appliesTo.includes(message.kind)) continue;
        const skip = skipReason(rule, ctx);
        if (skip) {
          if (!skipped.has(rule.id)) skipped.set(rule.id, { rule: rule.id, reason: skip });
          continue;
        }
        for (const hit of runRule(rule, ctx, options.strict)) {
          const finding: Finding = {
            rule: rule.id,
            severity: hit.severity ?? rule.severity,
            title: rule.title,
            message: hit.message,
            messageKey: message.key,
            flowId: flow.id,
            docs: rule.docs,
            reference: ruleReference(rule.id),
          };
          if (message.id) finding.messageId = message.id;
          if (hit.evidence) finding.evidence = hit.evidence;
          if (hit.fix) finding.fix = hit.fix;
          findings.push(finding);
        }
      }
    }
    if (skipped.size) flow.skipped = [...skipped.values()];
  }
  findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  return { messages, flows, findings };
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
  if (rule.judges && !ctx.profile.checks[rule.judges]) return `the ${ctx.profile.label} profile does not judge ${rule.judges}`;
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
