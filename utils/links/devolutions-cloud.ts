// Devolutions Cloud invitations carry the instance URL plus an invitation ID and key, and expire 7 days after
// they are sent: admins need to see which ones are about to lapse and resend them.

export const INVITATION_LIFETIME_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export type InstanceUrlCheck =
  | { ok: true; url: string; warning?: string }
  | { ok: false; message: string };

/** Checks a Devolutions Cloud instance URL as typed; returns it without trailing slashes. */
export function checkInstanceUrl(input: string): InstanceUrlCheck {
  const text = input.trim();
  if (!text) return { ok: false, message: 'Enter the instance URL, e.g. https://acme.devolutions.app.' };
  if (/\s/.test(text)) return { ok: false, message: 'A URL has no spaces; check for a space copied with it.' };
  if (/^http:\/\//i.test(text)) {
    return { ok: false, message: `Use https: Devolutions Cloud is served over https only (${text.replace(/^http:/i, 'https:')}).` };
  }
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: `"${text}" is not a URL. Expected something like https://acme.devolutions.app.` };
  }
  if (url.protocol !== 'https:') return { ok: false, message: `Use an https URL, not ${url.protocol}.` };
  if (url.username || url.password) return { ok: false, message: 'Remove the user name or password from the URL.' };
  if (url.search || url.hash) {
    return { ok: false, message: 'Enter the instance address only, without "?" or "#" parts (those belong to one page or invitation).' };
  }
  const host = url.hostname.toLowerCase();
  const path = url.pathname.replace(/\/+$/, '');
  const clean = `https://${url.host}${path}`;
  if (!/^[a-z0-9-]+\.devolutions\.app$/.test(host)) {
    return {
      ok: true,
      url: clean,
      warning: `${host} is not a <name>.devolutions.app address. Keep it if your instance uses its own domain.`,
    };
  }
  return { ok: true, url: clean };
}

export interface Invitation {
  id: string;
  /** Who was invited, as the admin typed it (name or e-mail). */
  who: string;
  /** When it was sent, ISO 8601 (date or date-time). */
  sentAt: string;
  /** The invitation ID and/or key as the admin copied it from Devolutions Cloud. */
  code: string;
}

export interface InvitationExpiry {
  expiresAt: string;
  /** Whole days left, rounded down; 0 on the last day. */
  daysLeft: number;
  expired: boolean;
  /** Short text for the list: "5 days left", "expires today", "expired 2 days ago". */
  label: string;
}

/** When an invitation sent at `sentAt` expires, seen from `now`. Returns undefined for an unreadable date. */
export function invitationExpiry(sentAt: string, now: Date | number | string): InvitationExpiry | undefined {
  const sent = Date.parse(sentAt);
  const at = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now);
  if (Number.isNaN(sent) || Number.isNaN(at)) return undefined;
  const expires = sent + INVITATION_LIFETIME_DAYS * DAY_MS;
  const left = expires - at;
  const expired = left <= 0;
  const daysLeft = expired ? 0 : Math.floor(left / DAY_MS);
  let label: string;
  if (expired) {
    const ago = Math.floor(-left / DAY_MS);
    label = ago === 0 ? 'expired today' : `expired ${ago} day${ago === 1 ? '' : 's'} ago`;
  } else {
    label = daysLeft === 0 ? 'expires today' : `${daysLeft} day${daysLeft === 1 ? '' : 's'} left`;
  }
  return { expiresAt: new Date(expires).toISOString(), daysLeft, expired, label };
}

/**
 * A heads-up an admin sends along: Devolutions Cloud e-mails the invitation (URL, invitation ID and key) itself,
 * so this text only says what to expect. The ID and key stay out of it: they travel in Devolutions' own e-mail.
 */
export function invitationText(instanceUrl: string, invitation: Invitation, now: Date | number | string): string {
  const expiry = invitationExpiry(invitation.sentAt, now);
  const lines = [
    `Hi ${invitation.who || 'there'},`,
    '',
    `Devolutions Cloud is sending you an e-mail inviting you to our instance, ${instanceUrl}, with an invitation ID and key.`,
  ];
  if (expiry && !expiry.expired) lines.push(`Please accept it by ${expiry.expiresAt.slice(0, 10)}: invitations expire 7 days after they are sent.`);
  else lines.push('Invitations expire 7 days after they are sent: accept it when it arrives.');
  lines.push(
    'You will complete your Devolutions Account setup; no password is needed: you sign in with your company account (Microsoft Entra ID).',
  );
  return lines.join('\n');
}
