import { lateCause } from './assertion-expired';
import { assertionLabel, assertionPath, bearerConfirmations } from './support/bearer-confirmation';
import { CLOCK_FIX } from './support/clock-fix';
import { defineRule } from './define-rule';
import { SPEC } from './support/docs-links';
import { formatSpan, judgeWindow, nowNoun, timeEvidence } from './support/time-window';
import type { Hit } from './types';

export default defineRule({
  id: 'confirmation-expired',
  severity: 'error',
  title: 'Bearer confirmation expired',
  description:
    "The bearer SubjectConfirmationData NotOnOrAfter (the window in which the Response may be delivered, often only 5 minutes) had passed at capture time, beyond the clock skew allowed. Reported only when the assertion's own Conditions still hold; otherwise `assertion-expired` says it.",
  docs: SPEC.profiles,
  fix: CLOCK_FIX,
  appliesTo: ['Response'],
  check(ctx) {
    const { message } = ctx;
    const hits: Hit[] = [];
    message.assertions.forEach((a, i) => {
      if (judgeWindow(a.conditions?.notBefore, a.conditions?.notOnOrAfter, ctx).state === 'expired') return;
      const bearers = bearerConfirmations(a);
      const judged = bearers.map((c) => ({ c, w: judgeWindow(undefined, c.notOnOrAfter, ctx) }));
      // One bearer confirmation still valid is enough for the SP.
      if (!judged.length || judged.some((j) => j.w.state === 'ok')) return;
      const { c, w } = judged.find((j) => j.w.state === 'expired')!;
      if (w.state !== 'expired') return;
      hits.push({
        message: `The bearer confirmation of ${assertionLabel(message, i)} expired ${formatSpan(w.late)} before ${nowNoun(ctx)} (${timeEvidence('SubjectConfirmationData NotOnOrAfter', w.notOnOrAfter, ctx)}): ${lateCause(a.issueInstant ?? message.issueInstant, w.notOnOrAfter, ctx)}`,
        evidence: { path: `${assertionPath(message, i)}/Subject/SubjectConfirmation/SubjectConfirmationData/@NotOnOrAfter`, value: c.notOnOrAfter!, now: new Date(ctx.now).toISOString() },
        fix: CLOCK_FIX,
      });
    });
    return hits;
  },
});
