// The verdict of the last sign-in seen on a tab, kept in storage.session (it lives only as long as the browser
// session, like the capture it summarizes). The popup judges the recorder's captures and keeps the result here,
// so it judges each sign-in once; the recorder removes it with the captures it was judged from.
// Native API, as in the popup that reads this (see PopupApp.tsx): storage.session only exists where it has promises.
import { browser } from '@wxt-dev/browser';

export type VerdictLevel = 'error' | 'warning' | 'info' | 'ok';

export interface TabVerdict {
  worst: VerdictLevel;
  topFinding?: { rule: string; severity: string; message: string };
  /** When the sign-in was seen, ISO 8601. */
  at: string;
  /** How many sign-in flows were seen on the tab. */
  flows: number;
  /** The service host the sign-in went to (e.g. sonarcloud.io), when the recorder knows it. */
  host?: string;
  /** The recorder capture (its `seq`) that carried the judged Response: a newer one means judging again. */
  captureSeq?: number;
  /**
   * Judged against cached organization group lists (the panel): true when every group in the assertion exists
   * with that exact name, false when one does not. Absent when no list was cached or no group was sent.
   */
  groupsMatch?: boolean;
  /** Every rule that fired on the sign-in, worst first, once each: the troubleshooter reads causes from them. */
  rules?: Array<{ id: string; severity: string }>;
  /** The sign-in's protocol ('saml', 'oidc'); verdicts stored before it was recorded are SAML. */
  protocol?: string;
  /** The service profile that judged the sign-in, by name, and why it was chosen. */
  judgedAs?: { profile: string; label: string; reason: string };
  /** Checks that profile did not run, and why: a clean verdict is silent on them. */
  skipped?: Array<{ rule: string; reason: string }>;
}

export function verdictKey(tabId: number): string {
  return `verdict:${tabId}`;
}

const LEVELS: readonly string[] = ['error', 'warning', 'info', 'ok'];

/** Checks a stored value: storage.session content from an older version must not break the popup. */
export function toVerdict(value: unknown): TabVerdict | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (!LEVELS.includes(v.worst as string) || typeof v.at !== 'string' || typeof v.flows !== 'number') return undefined;
  const verdict: TabVerdict = { worst: v.worst as VerdictLevel, at: v.at, flows: v.flows };
  const top = v.topFinding as Record<string, unknown> | undefined;
  if (top && typeof top.rule === 'string' && typeof top.severity === 'string' && typeof top.message === 'string') {
    verdict.topFinding = { rule: top.rule, severity: top.severity, message: top.message };
  }
  if (typeof v.host === 'string') verdict.host = v.host;
  if (typeof v.captureSeq === 'number') verdict.captureSeq = v.captureSeq;
  if (typeof v.groupsMatch === 'boolean') verdict.groupsMatch = v.groupsMatch;
  if (Array.isArray(v.rules)) {
    const rules = (v.rules as unknown[]).filter(
      (r): r is { id: string; severity: string } =>
        typeof r === 'object' && r !== null && typeof (r as { id?: unknown }).id === 'string' && typeof (r as { severity?: unknown }).severity === 'string',
    );
    verdict.rules = rules.slice(0, 100).map(({ id, severity }) => ({ id, severity }));
  }
  if (typeof v.protocol === 'string') verdict.protocol = v.protocol;
  const judged = v.judgedAs as Record<string, unknown> | undefined;
  if (judged && typeof judged.profile === 'string' && typeof judged.label === 'string' && typeof judged.reason === 'string') {
    verdict.judgedAs = { profile: judged.profile, label: judged.label, reason: judged.reason };
  }
  if (Array.isArray(v.skipped)) {
    verdict.skipped = (v.skipped as unknown[])
      .filter((c): c is { rule: string; reason: string } => typeof c === 'object' && c !== null && typeof (c as { rule?: unknown }).rule === 'string' && typeof (c as { reason?: unknown }).reason === 'string')
      .slice(0, 100)
      .map(({ rule, reason }) => ({ rule, reason }));
  }
  return verdict;
}

/** The verdict for a tab, or undefined when nothing was seen (or session storage is unavailable). */
export async function readVerdict(tabId: number): Promise<TabVerdict | undefined> {
  try {
    const key = verdictKey(tabId);
    const stored = await browser.storage.session.get(key);
    return toVerdict(stored[key]);
  } catch {
    return undefined;
  }
}

/** Stores the tab's verdict in storage.session (never on disk). */
export async function writeVerdict(tabId: number, verdict: TabVerdict): Promise<void> {
  await browser.storage.session.set({ [verdictKey(tabId)]: verdict });
}

export async function removeVerdicts(tabIds: Iterable<number>): Promise<void> {
  const keys = [...tabIds].filter((t) => t >= 0).map(verdictKey);
  if (keys.length) await browser.storage.session.remove(keys);
}
