import { bearerConfirmations } from './support/bearer-confirmation';
import { CLOCK_FIX } from './support/clock-fix';
import { defineRule } from './define-rule';
import { SPEC } from './support/docs-links';
import { formatInstant, formatSpan, judgeWindow, nowNoun, parseInstant, timeEvidence } from './support/time-window';

export default defineRule({
  id: 'clock-skew',
  severity: 'warning',
  title: 'IssueInstant far from the capture time',
  description:
    "The Response's IssueInstant is further from the capture time than the clock skew allowed, though its validity window still holds. The sign-in works for now; a little more drift (or a slower user) and it fails as not yet valid or expired.",
  docs: SPEC.core,
  fix: CLOCK_FIX,
  appliesTo: ['Response'],
  check(ctx) {
    const { message } = ctx;
    // Without a capture time "now" is when someone ran the analysis: distance to it says nothing about clocks.
    if (ctx.nowSource === 'wall-clock') return [];
    const issued = parseInstant(message.issueInstant);
    if (issued === undefined) return [];
    const off = ctx.now - issued;
    if (Math.abs(off) <= ctx.skewSeconds * 1000) return [];
    // Outside the window, the time rules (not-yet-valid, assertion-expired, confirmation-expired) report it.
    const windowHolds = message.assertions.every(
      (a) =>
        judgeWindow(a.conditions?.notBefore, a.conditions?.notOnOrAfter, ctx).state === 'ok' &&
        bearerConfirmations(a).every((c) => judgeWindow(undefined, c.notOnOrAfter, ctx).state === 'ok'),
    );
    if (!windowHolds) return [];
    const cause =
      off < 0
        ? `the IdP's clock runs ahead of this computer's (or this computer's runs behind)`
        : `the Response took long to arrive (a page left open, a resubmitted form) or the IdP's clock runs behind`;
    return [
      {
        message: `The Response was issued ${formatSpan(off)} ${off < 0 ? 'after' : 'before'} ${nowNoun(ctx)} (${timeEvidence('IssueInstant', issued, ctx)}): ${cause}. Its validity window still holds, but SPs that limit the Response's age or allow less skew reject it.`,
        evidence: { path: 'Response/@IssueInstant', value: message.issueInstant!, now: formatInstant(ctx.now) },
        fix: CLOCK_FIX,
      },
    ];
  },
});
