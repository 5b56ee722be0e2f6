import { assertionLabel, assertionPath, capitalize } from './support/bearer-confirmation';
import { CLOCK_FIX } from './support/clock-fix';
import { defineRule } from './define-rule';
import { SPEC } from './support/docs-links';
import { formatInstant, formatSpan, judgeWindow, NO_CAPTURE_TIME, nowNoun, parseInstant, timeEvidence } from './support/time-window';
import type { Hit, RuleContext } from './types';

/** Why an expired assertion expired: issued already dead, or posted late. */
export function lateCause(issueInstant: string | undefined, notOnOrAfter: number, ctx: RuleContext): string {
  if (ctx.nowSource === 'wall-clock') return NO_CAPTURE_TIME;
  const issued = parseInstant(issueInstant);
  if (issued === undefined) return 'the Response reached the SP too late, or the clocks disagree.';
  if (notOnOrAfter <= issued) {
    return `it was already expired when issued at ${formatInstant(issued)}: the IdP set its end before its IssueInstant (a misconfigured lifetime or clock).`;
  }
  return `it was issued at ${formatInstant(issued)}, ${formatSpan(ctx.now - issued)} before ${nowNoun(ctx)}: the Response was posted late (a tab left open, a resubmitted or replayed form) or the clocks disagree.`;
}

export default defineRule({
  id: 'assertion-expired',
  severity: 'error',
  title: 'Assertion expired',
  description:
    "The assertion's Conditions NotOnOrAfter had passed at capture time, beyond the clock skew allowed. The SP rejects it: the Response was posted late (a page left open, a replayed form) or the clocks disagree.",
  docs: SPEC.core,
  fix: CLOCK_FIX,
  appliesTo: ['Response'],
  check(ctx) {
    const { message } = ctx;
    const hits: Hit[] = [];
    message.assertions.forEach((a, i) => {
      const w = judgeWindow(undefined, a.conditions?.notOnOrAfter, ctx);
      if (w.state !== 'expired') return;
      hits.push({
        message: `${capitalize(assertionLabel(message, i))} expired ${formatSpan(w.late)} before ${nowNoun(ctx)} (${timeEvidence('NotOnOrAfter', w.notOnOrAfter, ctx)}): ${lateCause(a.issueInstant ?? message.issueInstant, w.notOnOrAfter, ctx)}`,
        evidence: { path: `${assertionPath(message, i)}/Conditions/@NotOnOrAfter`, value: a.conditions!.notOnOrAfter!, now: new Date(ctx.now).toISOString() },
        fix: CLOCK_FIX,
      });
    });
    return hits;
  },
});
