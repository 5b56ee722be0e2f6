import { analyze, type Analysis } from '../analyze';
import type { HarEntry } from '../har/types';
import { pickProfile, type ProfileId } from '../profiles';
import { findGroups } from '../rules/attribute-lookup';
import { worstSeverity } from '../rules/index';
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
  if (!entries[latest]) return undefined;
  const cached = !!orgGroups?.length;
  return verdictFromAnalysis(analyze(entries, cached ? { orgGroups } : {}), entries, latest, { orgGroupsCached: cached });
}

/** Rules that compare the assertion's groups with the cached organization group lists. */
const PARITY_RULES = new Set(['group-case-mismatch', 'group-not-in-org', 'no-org-match', 'members-group-targeted']);

export interface VerdictContext {
  /** Organization group lists the analysis compared against: then the verdict says whether every group matched. */
  orgGroupsCached?: boolean;
  /** The service profile the analysis was told to use. */
  profile?: ProfileId;
}

/**
 * The same verdict from an analysis already made (the panel has one): the sign-in whose Response arrived in
 * `entries[latest]`.
 */
export function verdictFromAnalysis(analysis: Analysis, entries: readonly HarEntry[], latest: number, context: VerdictContext = {}): TabVerdict | undefined {
  const entry = entries[latest];
  if (!entry) return undefined;
  const { messages, flows, findings } = analysis;
  const byKey = new Map(messages.map((m) => [m.key, m]));
  const signIns = flows.filter((f) => f.kind === 'sign-in');
  const flow = signIns.findLast((f) => f.responseKey !== undefined && byKey.get(f.responseKey)?.exchangeIndex === latest);
  if (!flow) return undefined;
  const own = findings.filter((f) => f.flowId === flow.id);
  const top = own.find((f) => f.severity === 'error') ?? own.find((f) => f.severity === 'warning');
  const verdict: TabVerdict = { worst: worstSeverity(own) ?? 'ok', at: entry.startedDateTime, flows: signIns.length };
  if (top) verdict.topFinding = { rule: top.rule, severity: top.severity, message: top.message };
  const response = byKey.get(flow.responseKey!);
  const host = hostOf(flow.acsUrl ?? response?.url);
  if (host) verdict.host = host;
  const assertion = response?.assertions[0];
  if (context.orgGroupsCached && assertion) {
    const profile = pickProfile([flow.acsUrl, response?.url, response?.destination], context.profile);
    // Evidence for the rollout checklist: every group the IdP sent exists, with that exact name.
    if (findGroups(assertion, profile)?.values.length) verdict.groupsMatch = !own.some((f) => PARITY_RULES.has(f.rule));
  }
  return verdict;
}

/** The verdict on the sign-in the recorder picked for a tab (sign-in-window.ts), counted against all its sign-ins. */
export function judgeSignIn({ entries, flows }: Pick<RecorderSignIn, 'entries' | 'flows'>, orgGroups?: OrgGroups[]): TabVerdict | undefined {
  const verdict = signInVerdict(entries, entries.length - 1, orgGroups);
  if (verdict) verdict.flows = flows;
  return verdict;
}
