// SAML instants (xs:dateTime, SAML core §1.3.3) and how the time rules word them. Every rule judges times
// against `ctx.now` (the capture time, the evaluation time the user set, or the message's own IssueInstant),
// never the analyst's clock unless there is nothing else.
import type { RuleContext } from '../types';

/**
 * Milliseconds since the epoch, or undefined when the text is not an instant. SAML requires UTC; an instant
 * without a zone is read as UTC, and fractions finer than milliseconds (some IdPs send nanoseconds) are cut.
 */
export function parseInstant(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = /^\s*(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?\s*$/.exec(text);
  if (!m) return undefined;
  const fraction = m[2] ? `.${m[2].slice(0, 3).padEnd(3, '0')}` : '';
  const ms = Date.parse(`${m[1]}${fraction}${m[3] ?? 'Z'}`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** An instant as ISO 8601 UTC, without milliseconds when they are zero. */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** A span as people say it: "45 s", "12 min", "2 h 5 min", "3 days". */
export function formatSpan(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 120) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 120) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const days = Math.round(h / 24);
  return days < 730 ? `${days} days` : `${Math.round(days / 365)} years`;
}

/** What `now` is, for messages: "capture", "the evaluation time", "the message was issued" or "now". */
export function nowNoun(ctx: Pick<RuleContext, 'nowSource'>): string {
  switch (ctx.nowSource) {
    case 'capture':
      return 'capture';
    case 'option':
      return 'the evaluation time';
    case 'issue-instant':
      return 'the message was issued';
    default:
      return 'now';
  }
}

/** Said instead of a cause when there is no instant to judge at but the analyst's clock. */
export const NO_CAPTURE_TIME =
  'the message has neither a capture time nor a readable IssueInstant, so it is judged at the time of analysis: analyze the capture it came from to judge it at the moment it was sent.';

/**
 * The closing parenthesis of a time finding: the instant read, when `now` was and the tolerance, e.g.
 * "NotOnOrAfter 2024-01-01T10:00:00Z, captured 10:12:00Z, 300 s skew allowed". The time of day alone is shown
 * for `now` when both fall on the same day, which is the common case and easier to compare.
 */
export function timeEvidence(label: string, instant: number, ctx: Pick<RuleContext, 'now' | 'nowSource' | 'skewSeconds'>): string {
  const at = formatInstant(instant);
  const now = formatInstant(ctx.now);
  const nowShown = at.slice(0, 10) === now.slice(0, 10) ? now.slice(11) : now;
  const verb = { capture: 'captured', option: 'evaluated at', 'issue-instant': 'issued', 'wall-clock': 'now' }[ctx.nowSource];
  return `${label} ${at}, ${verb} ${nowShown}, ${ctx.skewSeconds} s skew allowed`;
}

export type WindowState =
  | { state: 'ok' }
  | { state: 'not-yet-valid'; notBefore: number; early: number }
  | { state: 'expired'; notOnOrAfter: number; late: number };

/**
 * Where `now` falls in [NotBefore, NotOnOrAfter), each bound widened by the skew (SAML core §2.5.1.2:
 * NotBefore inclusive, NotOnOrAfter exclusive). `early`/`late` are measured from the bound itself, which is the
 * figure an admin compares with their clocks.
 */
export function judgeWindow(notBefore: string | undefined, notOnOrAfter: string | undefined, ctx: Pick<RuleContext, 'now' | 'skewSeconds'>): WindowState {
  const skew = ctx.skewSeconds * 1000;
  const nb = parseInstant(notBefore);
  if (nb !== undefined && ctx.now < nb - skew) return { state: 'not-yet-valid', notBefore: nb, early: nb - ctx.now };
  const noa = parseInstant(notOnOrAfter);
  if (noa !== undefined && ctx.now >= noa + skew) return { state: 'expired', notOnOrAfter: noa, late: ctx.now - noa };
  return { state: 'ok' };
}
