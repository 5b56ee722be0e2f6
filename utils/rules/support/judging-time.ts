// The instant a message's times are judged at, and why: the exchange's capture time, the time the user set for
// the analysis, or, for a message with neither (pasted XML, base64, a URL), its own IssueInstant. Judging a
// years-old message against today's clock would report every one of them expired and hide its real fault.
import type { SamlMessage } from '../../saml/types';
import { formatInstant, parseInstant } from './time-window';

export type NowSource = 'capture' | 'option' | 'issue-instant' | 'wall-clock';

export interface JudgedAt {
  /** ISO 8601 UTC. */
  instant: string;
  source: NowSource;
}

export function judgingTime(message: Pick<SamlMessage, 'capturedAt' | 'issueInstant'>, fixedNow: number | undefined, wallClock: () => number = Date.now): { now: number; source: NowSource } {
  if (fixedNow !== undefined && !Number.isNaN(fixedNow)) return { now: fixedNow, source: 'option' };
  const captured = message.capturedAt ? Date.parse(message.capturedAt) : NaN;
  if (!Number.isNaN(captured)) return { now: captured, source: 'capture' };
  const issued = parseInstant(message.issueInstant);
  if (issued !== undefined) return { now: issued, source: 'issue-instant' };
  return { now: wallClock(), source: 'wall-clock' };
}

export function toJudgedAt(now: number, source: NowSource): JudgedAt {
  return { instant: formatInstant(now), source };
}

/** Why that instant, in words that fit the panel as well as the command line (no flag names). */
export const JUDGED_AT_REASON: Record<NowSource, string> = {
  capture: 'when the exchange was captured',
  option: 'the evaluation time set for this analysis',
  'issue-instant': "the message's own IssueInstant: it carries no capture time",
  'wall-clock': 'the time of this analysis: the message has neither a capture time nor a readable IssueInstant',
};

/** "2024-01-01T10:00:00Z (when the exchange was captured)". */
export function describeJudgedAt(judged: JudgedAt): string {
  return `${judged.instant} (${JUDGED_AT_REASON[judged.source]})`;
}
