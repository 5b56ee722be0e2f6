import { analyze, type Analysis } from '../analyze';
import type { HarEntry } from '../har/types';
import type { Flow } from '../flow/types';
import { profileLabel } from '../profiles/profile-label';
import { ruleById, worstSeverity } from '../rules/index';
import type { OrgGroups } from '../rules/types';
import type { TabVerdict } from '../settings/verdict';
import type { RecorderSignIn } from './protocol';

// The popup's "last sign-in" badge, judged with the same `analyze` as the panel and the CLI. This module brings
// the whole engine: it runs in a worker the popup starts only when there is a sign-in to judge
// (last-sign-in-verdict.ts), never in the background.

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The verdict of the sign-in whose Response arrived in `entries[latest]` (default: the last entry), judged over
 * the tab's captures (so the Response meets its AuthnRequest). Undefined when that entry completes no sign-in
 * (an AuthnRequest, a logout).
 */
export function signInVerdict(entries: readonly HarEntry[], latest = entries.length - 1, orgGroups?: OrgGroups[]): TabVerdict | undefined {
  const entry = entries[latest];
  if (!entry) return undefined;
  const cached = !!orgGroups?.length;
  const analysis = analyze(entries, cached ? { orgGroups } : {});
  const responseKeys = new Set(analysis.messages.filter((m) => m.exchangeIndex === latest).map((m) => m.key));
  const flow = analysis.flows.findLast((f) => f.kind === 'sign-in' && f.responseKey !== undefined && responseKeys.has(f.responseKey));
  return flow && verdictOfFlow(analysis, flow, entry.startedDateTime, cached);
}

/**
 * The verdict on one sign-in flow of an analysis already made (the panel has one), seen at `at`.
 * `orgGroupsCached`: the analysis was given organization group lists, so it compared the groups with them.
 */
export function verdictOfFlow(analysis: Analysis, flow: Flow, at: string, orgGroupsCached = false): TabVerdict {
  const own = analysis.findings.filter((f) => f.flowId === flow.id);
  const top = own.find((f) => f.severity === 'error') ?? own.find((f) => f.severity === 'warning');
  const verdict: TabVerdict = { worst: worstSeverity(own) ?? 'ok', at, flows: analysis.flows.filter((f) => f.kind === 'sign-in').length };
  if (top) verdict.topFinding = { rule: top.rule, severity: top.severity, message: top.message };
  if (own.length) {
    const seen = new Map<string, string>();
    for (const severity of ['error', 'warning', 'info']) for (const f of own) if (f.severity === severity && !seen.has(f.rule)) seen.set(f.rule, severity);
    verdict.rules = [...seen].map(([id, severity]) => ({ id, severity }));
  }
  // Which service judged it, and what that service's profile left unchecked: "fine" is only as wide as that.
  verdict.protocol = flow.protocol;
  const profile = flow.profile ?? 'generic';
  verdict.judgedAs = { profile, label: profileLabel(profile, flow.protocol), reason: flow.reason?.detail ?? 'no reason recorded' };
  if (flow.skipped?.length) verdict.skipped = flow.skipped.map(({ rule, reason }) => ({ rule, reason }));
  const response = analysis.messages.find((m) => m.key === flow.responseKey);
  const host = hostOf((flow.protocol === 'saml' ? flow.acsUrl : undefined) ?? response?.url);
  if (host) verdict.host = host;
  // The engine notes the JIT reset exactly when it read group values (with its own profile and mapping): then,
  // with lists cached, the parity rules ran. Evidence for the checklist: every group exists with that exact name.
  if (orgGroupsCached && own.some((f) => f.rule === 'jit-membership-reset' && f.messageKey === flow.responseKey)) {
    // The rules that compare the assertion's groups with the lists are those that need them.
    verdict.groupsMatch = !own.some((f) => ruleById(f.rule)?.needsOrgGroups);
  }
  return verdict;
}

/** The verdict on the sign-in the recorder picked for a tab (sign-in-window.ts), counted against all its sign-ins. */
export function judgeSignIn({ entries, flows }: Pick<RecorderSignIn, 'entries' | 'flows'>, orgGroups?: OrgGroups[]): TabVerdict | undefined {
  const verdict = signInVerdict(entries, entries.length - 1, orgGroups);
  if (verdict) verdict.flows = flows;
  return verdict;
}
