import type { Exchange, HarEntry } from '../har/types';
import { ruleReference } from '../rules/define-rule';
import { OIDC_RULES } from '../rules/oidc-rules';
import type { OidcRule, OidcRuleContext } from '../rules/oidc-rule';
import type { Finding, Hit } from '../rules/types';
import { pairOidcFlows, type OidcFlow } from './pair-flows';
import { readOidcExchange } from './read-message';
import { pickOidcProfile, type OidcProfileId, type OidcServiceProfile } from './service-profiles';
import type { OidcMessage } from './types';

export interface OidcAnalyzeOptions {
  profile?: OidcProfileId;
  /** Devolutions Cloud instance URLs from the popup's settings (custom domains included). */
  instanceUrls?: readonly string[];
  now?: string | number | Date;
  skewSeconds?: number;
  rules?: readonly OidcRule[];
}

export interface OidcAnalysis {
  messages: OidcMessage[];
  flows: Array<OidcFlow & { profile: OidcServiceProfile }>;
  findings: Finding[];
}

const DEFAULT_SKEW_SECONDS = 300;

/** HAR entries → OIDC messages → flows → findings. Pure; never throws on input. */
export function analyzeOidc(input: readonly (HarEntry | Exchange)[], options: OidcAnalyzeOptions = {}): OidcAnalysis {
  const messages: OidcMessage[] = [];
  input.forEach((item, index) => {
    for (const m of readOidcExchange('entry' in item ? item.entry : item, index)) messages.push(m);
  });
  const byKey = new Map(messages.map((m) => [m.key, m]));
  const fixedNow = options.now === undefined ? NaN : new Date(options.now).getTime();
  const rules = options.rules ?? OIDC_RULES;
  const findings: Finding[] = [];
  const flows = pairOidcFlows(messages).map((flow) => {
    const flowMessages = flow.messageKeys.map((k) => byKey.get(k)!);
    const request = flow.requestKey ? byKey.get(flow.requestKey) : undefined;
    const urls = flowMessages.flatMap((m) => [m.authorization?.redirectUri, m.response?.redirectTarget, m.error?.redirectTarget, m.endSession?.postLogoutRedirectUri]);
    const profile = pickOidcProfile(urls, options.profile, options.instanceUrls);
    for (const message of flowMessages) {
      const captured = message.capturedAt ? Date.parse(message.capturedAt) : NaN;
      const [now, nowSource]: [number, OidcRuleContext['nowSource']] = !Number.isNaN(fixedNow)
        ? [fixedNow, 'option']
        : !Number.isNaN(captured)
          ? [captured, 'capture']
          : [Date.now(), 'wall-clock'];
      const ctx: OidcRuleContext = {
        message,
        flow,
        request: request && request !== message && request.kind === 'AuthorizationRequest' ? request : undefined,
        messages: byKey,
        profile,
        now,
        nowSource,
        skewSeconds: options.skewSeconds ?? DEFAULT_SKEW_SECONDS,
      };
      for (const rule of rules) {
        if (!rule.appliesTo.includes(message.kind)) continue;
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
          if (hit.evidence) finding.evidence = hit.evidence;
          if (hit.fix) finding.fix = hit.fix;
          findings.push(finding);
        }
      }
    }
    return { ...flow, profile };
  });
  const rank = { error: 0, warning: 1, info: 2 } as const;
  findings.sort((a, b) => rank[a.severity] - rank[b.severity]);
  return { messages, flows, findings };
}

function runRule(rule: OidcRule, ctx: OidcRuleContext): Hit[] {
  try {
    return rule.check(ctx);
  } catch (e) {
    return [{ severity: 'warning', message: `SSO Lens could not evaluate this rule on the message (${(e as Error).message}). Please report it.` }];
  }
}
