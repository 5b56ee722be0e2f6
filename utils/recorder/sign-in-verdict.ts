import { analyze } from '../analyze';
import type { HarEntry } from '../har/types';
import { worstSeverity } from '../rules/index';
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
export function signInVerdict(entries: readonly HarEntry[], latest = entries.length - 1): TabVerdict | undefined {
  const entry = entries[latest];
  if (!entry) return undefined;
  const { messages, flows, findings } = analyze(entries);
  const byKey = new Map(messages.map((m) => [m.key, m]));
  const signIns = flows.filter((f) => f.kind === 'sign-in');
  const flow = signIns.findLast((f) => f.responseKey !== undefined && byKey.get(f.responseKey)?.exchangeIndex === latest);
  if (!flow) return undefined;
  const own = findings.filter((f) => f.flowId === flow.id);
  const top = own.find((f) => f.severity === 'error') ?? own.find((f) => f.severity === 'warning');
  const verdict: TabVerdict = { worst: worstSeverity(own) ?? 'ok', at: entry.startedDateTime, flows: signIns.length };
  if (top) verdict.topFinding = { rule: top.rule, severity: top.severity, message: top.message };
  const host = hostOf(flow.acsUrl ?? byKey.get(flow.responseKey!)?.url);
  if (host) verdict.host = host;
  return verdict;
}

/** The verdict on the sign-in the recorder picked for a tab (sign-in-window.ts), counted against all its sign-ins. */
export function judgeSignIn({ entries, flows }: Pick<RecorderSignIn, 'entries' | 'flows'>): TabVerdict | undefined {
  const verdict = signInVerdict(entries);
  if (verdict) verdict.flows = flows;
  return verdict;
}
