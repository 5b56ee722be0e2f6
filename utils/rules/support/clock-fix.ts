import type { Fix } from '../types';

/** What to change when times disagree: clocks first, then the assertion lifetime. */
export const CLOCK_FIX: Fix = {
  generic:
    "Check the clocks: the IdP server's, the SP's and this computer's (the capture time comes from it) should follow NTP. If they agree, the Response reached the SP too late: sign in again without leaving the IdP's page open, and never resubmit an old sign-in form. Raise the IdP's assertion lifetime only if sign-ins are genuinely slow.",
  entra: "Microsoft Entra ID's clock is reliable: check the SP's clock and this computer's, and whether the Response was posted late (a tab left open, a resubmitted form).",
  okta: "Okta's clock is reliable: check the SP's clock and this computer's, and whether the Response was posted late (a tab left open, a resubmitted form).",
};
