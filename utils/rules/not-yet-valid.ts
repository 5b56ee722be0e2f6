import { assertionLabel, assertionPath, capitalize } from './support/bearer-confirmation';
import { CLOCK_FIX } from './support/clock-fix';
import { defineRule } from './define-rule';
import { SPEC } from './support/docs-links';
import { formatInstant, formatSpan, judgeWindow, NO_CAPTURE_TIME, nowNoun, parseInstant, timeEvidence } from './support/time-window';
import type { Fix, Hit } from './types';

/** When NotBefore lies after the IdP's own IssueInstant, no clock is wrong: the IdP dates the assertion ahead. */
const ISSUED_AHEAD_FIX: Fix = {
  generic:
    "Correct the IdP's assertion validity: NotBefore must not be later than the IssueInstant (IdPs set it at or a few minutes before it). A NotBefore years ahead is a template or test value left in the IdP's configuration.",
  entra: "Microsoft Entra ID sets NotBefore itself: a NotBefore in the future comes from something between Entra ID and the SP rewriting the assertion. Capture the sign-in again straight from Entra ID.",
  okta: "Okta sets NotBefore itself: a NotBefore in the future comes from something between Okta and the SP rewriting the assertion. Capture the sign-in again straight from Okta.",
};

export default defineRule({
  id: 'not-yet-valid',
  severity: 'error',
  title: 'Assertion not yet valid',
  description:
    "The assertion's Conditions NotBefore lies in the future at capture time, beyond the clock skew allowed. When NotBefore is also later than the message's own IssueInstant, the IdP dates the assertion ahead (a configuration fault); otherwise the IdP's clock runs ahead of the SP's (or of the capturing computer's). The SP rejects the assertion.",
  docs: SPEC.core,
  fix: CLOCK_FIX,
  appliesTo: ['Response'],
  check(ctx) {
    const { message } = ctx;
    const hits: Hit[] = [];
    message.assertions.forEach((a, i) => {
      const w = judgeWindow(a.conditions?.notBefore, undefined, ctx);
      if (w.state !== 'not-yet-valid') return;
      const issued = parseInstant(a.issueInstant ?? message.issueInstant);
      const issuedAhead = issued !== undefined && w.notBefore > issued + ctx.skewSeconds * 1000;
      const cause =
        ctx.nowSource === 'wall-clock'
          ? NO_CAPTURE_TIME
          : issuedAhead
            ? `NotBefore is ${formatSpan(w.notBefore - issued)} later than the IssueInstant (${formatInstant(issued)}): the IdP dates the assertion ahead, so every SP rejects it whatever the clocks.`
            : "the IdP's clock runs ahead of the SP's, or this computer's clock runs behind.";
      hits.push({
        message: `${capitalize(assertionLabel(message, i))} becomes valid only ${formatSpan(w.early)} after ${nowNoun(ctx)} (${timeEvidence('NotBefore', w.notBefore, ctx)}): ${cause}`,
        evidence: { path: `${assertionPath(message, i)}/Conditions/@NotBefore`, value: a.conditions!.notBefore!, now: new Date(ctx.now).toISOString() },
        fix: issuedAhead ? ISSUED_AHEAD_FIX : CLOCK_FIX,
      });
    });
    return hits;
  },
});
