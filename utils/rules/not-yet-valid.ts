import { assertionLabel, assertionPath, capitalize } from './support/bearer-confirmation';
import { CLOCK_FIX } from './support/clock-fix';
import { defineRule } from './define-rule';
import { SPEC } from './support/docs-links';
import { formatSpan, judgeWindow, NO_CAPTURE_TIME, nowNoun, timeEvidence } from './support/time-window';
import type { Hit } from './types';

export default defineRule({
  id: 'not-yet-valid',
  severity: 'error',
  title: 'Assertion not yet valid',
  description:
    "The assertion's Conditions NotBefore lies in the future at capture time, beyond the clock skew allowed: the IdP's clock runs ahead of the SP's (or of the capturing computer's). The SP rejects the assertion.",
  docs: SPEC.core,
  fix: CLOCK_FIX,
  appliesTo: ['Response'],
  check(ctx) {
    const { message } = ctx;
    const hits: Hit[] = [];
    message.assertions.forEach((a, i) => {
      const w = judgeWindow(a.conditions?.notBefore, undefined, ctx);
      if (w.state !== 'not-yet-valid') return;
      hits.push({
        message: `${capitalize(assertionLabel(message, i))} becomes valid only ${formatSpan(w.early)} after ${nowNoun(ctx)} (${timeEvidence('NotBefore', w.notBefore, ctx)}): ${ctx.nowSource === 'wall-clock' ? NO_CAPTURE_TIME : "the IdP's clock runs ahead of the SP's, or this computer's clock runs behind."}`,
        evidence: { path: `${assertionPath(message, i)}/Conditions/@NotBefore`, value: a.conditions!.notBefore!, now: new Date(ctx.now).toISOString() },
        fix: CLOCK_FIX,
      });
    });
    return hits;
  },
});
