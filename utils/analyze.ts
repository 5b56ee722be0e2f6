import { buildFlows } from './flow/build-flows';
import type { Flow } from './flow/types';
import type { Exchange, HarEntry } from './har/types';
import { pickProfile, withMapping, type AttributeMapping, type ProfileId } from './profiles';
import { ruleReference } from './rules/define-rule';
import { RULES, SEVERITY_RANK } from './rules/index';
import { judgingTime, toJudgedAt } from './rules/judging-time';
import type { Finding, OrgGroups, Rule, RuleContext } from './rules/types';
import { readExchange, type ReadCache } from './saml/read-message';
import type { SamlMessage } from './saml/types';

export interface AnalyzeOptions {
  /** Target service; detected per flow from where its messages go when not given. */
  profile?: ProfileId;
  /** The admin's own attribute names, tried before the profile's defaults. */
  mapping?: Partial<AttributeMapping>;
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
}

export interface Analysis {
  messages: SamlMessage[];
  flows: Flow[];
  findings: Finding[];
}

export const DEFAULT_SKEW_SECONDS = 300;

/** The one pipeline (DESIGN.md): HAR entries → SAML messages → flows → findings. Pure; never throws on input. */
export function analyze(input: readonly (HarEntry | Exchange)[], options: AnalyzeOptions = {}): Analysis {
  const messages: SamlMessage[] = [];
  input.forEach((item, index) => {
    for (const message of readExchange('entry' in item ? item.entry : item, index, options.readCache)) messages.push(message);
  });

  const flows = buildFlows(messages);
  const byKey = new Map(messages.map((m) => [m.key, m]));
  const fixedNow = options.now === undefined ? undefined : new Date(options.now).getTime();
  const rules = options.rules ?? RULES;
  const findings: Finding[] = [];

  for (const flow of flows) {
    const flowMessages = flow.messageKeys.map((k) => byKey.get(k)!);
    const request = flow.requestKey ? byKey.get(flow.requestKey) : undefined;
    const urls = flowMessages.flatMap((m) => [m.destination, m.request?.acsUrl, m.url]);
    let profile = pickProfile(urls, options.profile);
    if (options.mapping) profile = withMapping(profile, options.mapping);

    for (const message of flowMessages) {
      const { now, source: nowSource } = judgingTime(message, fixedNow);
      message.judgedAt = toJudgedAt(now, nowSource);
      const ctx: RuleContext = {
        message,
        flow,
        request: request === message ? undefined : request,
        messages: byKey,
        profile,
        spEntityId: options.spEntityId,
        orgGroups: options.orgGroups,
        now,
        nowSource,
        skewSeconds: options.skewSeconds ?? DEFAULT_SKEW_SECONDS,
      };
      for (const rule of rules) {
        if (!rule.appliesTo.includes(message.kind)) continue;
        if (rule.needsOrgGroups && !options.orgGroups?.length) continue;
        for (const hit of runRule(rule, ctx)) {
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
  }
  findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  return { messages, flows, findings };
}

/** A rule that throws is a bug in SSO Lens, not in the user's SAML: report it as a finding and go on. */
function runRule(rule: Rule, ctx: RuleContext) {
  try {
    return rule.check(ctx);
  } catch (e) {
    return [
      {
        severity: 'warning' as const,
        message: `SSO Lens could not evaluate this rule on the message (${(e as Error).message}). Please report it.`,
      },
    ];
  }
}
