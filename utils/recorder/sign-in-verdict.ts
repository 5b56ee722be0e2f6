import { browser } from 'wxt/browser';
import { analyze } from '../analyze';
import type { HarEntry } from '../har/types';
import { worstSeverity } from '../rules/index';
import { detectSaml } from '../saml/detect';
import { verdictKey, type TabVerdict } from '../settings/verdict';

// The popup's "last sign-in" badge: the recorder's verdict on the sign-in a Response just completed.

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The verdict of the sign-in whose Response arrived in `entries[latest]` (default: the last entry), judged with
 * the same `analyze` as the panel and the CLI over the tab's captures (so the Response meets its AuthnRequest).
 * Undefined when that entry completes no sign-in (an AuthnRequest, a logout).
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

/** A Response is paired with a request at most this long before it (flow/build-flows.ts). */
export const VERDICT_WINDOW_MS = 15 * 60 * 1000;
/** At most this many captures are analyzed per verdict: all 500 would take about half a second. */
export const VERDICT_MAX_ENTRIES = 50;

const carriesResponse = (entry: HarEntry) => !!detectSaml(entry)?.messages.some((m) => m.param === 'SAMLResponse');

/**
 * The verdict on the sign-in completed by the last of a tab group's captures (oldest first): analyzed with the
 * captures that can belong to it (the pairing window, bounded), counted against all the group's sign-ins.
 */
export function judgeLatestSignIn(group: readonly HarEntry[]): TabVerdict | undefined {
  const last = group.at(-1);
  if (!last || !carriesResponse(last)) return undefined;
  const at = Date.parse(last.startedDateTime);
  const recent = group.slice(-VERDICT_MAX_ENTRIES).filter((e) => {
    const t = Date.parse(e.startedDateTime);
    return Number.isNaN(at) || Number.isNaN(t) || at - t <= VERDICT_WINDOW_MS;
  });
  const verdict = signInVerdict(recent);
  if (verdict) verdict.flows = group.filter(carriesResponse).length;
  return verdict;
}

/** Stores the verdict for each tab (the tab of the sign-in and the tab that opened it) in storage.session. */
export async function writeVerdict(tabIds: Iterable<number>, verdict: TabVerdict): Promise<void> {
  const items: Record<string, TabVerdict> = {};
  for (const tabId of tabIds) if (tabId >= 0) items[verdictKey(tabId)] = verdict;
  if (Object.keys(items).length) await browser.storage.session.set(items);
}

export async function removeVerdicts(tabIds: Iterable<number>): Promise<void> {
  const keys = [...tabIds].filter((t) => t >= 0).map(verdictKey);
  if (keys.length) await browser.storage.session.remove(keys);
}
