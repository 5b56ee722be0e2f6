// "A user can't get in" after a Devolutions Cloud SSO invitation, in the order of its guide "Invite users to
// Devolutions Cloud with SSO": SSO first, the 7-day expiry, By Emails and Assignment required, users outside the
// provider and Force SSO, the first connection, and the approval request.
import { invitationExpiry, type Invitation } from '../links/devolutions-cloud';
import type { Cause } from './troubleshooter';

const INVITE = 'https://docs.devolutions.net/cloud/getting-started/get-started-with-sso-in-devolutions-cloud/invite-users-to-devolutions-cloud-with-sso/';

export interface DevolutionsFacts {
  /** The invitation the user got, when the admin recorded it. */
  invitation?: Invitation;
  now: Date;
}

export const DEVOLUTIONS_CLOUD_CAUSES: readonly Cause<DevolutionsFacts>[] = [
  {
    id: 'sso-not-enabled',
    title: 'SSO is not configured and enabled',
    fix: 'Configure and enable SSO first; the SSO invitation is for instances where it is.',
    docs: 'https://docs.devolutions.net/cloud/getting-started/get-started-with-sso-in-devolutions-cloud/configure-sso-authentication-microsoft-azure/',
    questions: [{ text: 'Is SSO configured and enabled on the instance?', yes: 'ruled-out', no: 'found' }],
  },
  {
    id: 'invitation-expired',
    title: 'The invitation expired (7 days after it was sent)',
    fix: 'Send a new invitation from Administration – Users: the invitation ID and key expire 7 days from the day they are sent.',
    docs: INVITE,
    check({ invitation, now }) {
      if (!invitation) return { status: 'unknown' };
      const expiry = invitationExpiry(invitation.sentAt, now);
      if (!expiry) return { status: 'unknown' };
      const sent = invitation.sentAt.slice(0, 10);
      return expiry.expired
        ? { status: 'found', detail: `The invitation sent ${sent} ${expiry.label}.` }
        : { status: 'ruled-out', detail: `The invitation sent ${sent} is open until ${expiry.expiresAt.slice(0, 10)}.` };
    },
    questions: [{ text: 'Was the invitation sent less than 7 days ago?', yes: 'ruled-out', no: 'found' }],
  },
  {
    id: 'assignment-required',
    title: 'Invited By Emails while the Entra ID application requires assignment',
    fix: 'By Emails works only when the enterprise application in Entra ID has Assignment required set to No (its Properties); otherwise invite synced users From Organization.',
    docs: INVITE,
    questions: [
      { text: 'Was the user invited in Step 2 – By Emails (a user of your provider who is not synced)?', yes: 'next', no: 'ruled-out' },
      { text: 'In Entra ID, is Assignment required set to Yes in the enterprise application’s Properties?', yes: 'found', no: 'ruled-out' },
    ],
  },
  {
    id: 'force-sso',
    title: 'A user outside your provider, with Force SSO on all users set',
    fix: 'Users outside your authentication provider can be added only if Force SSO on all users is not set; then follow Create and Invite Users.',
    docs: 'https://docs.devolutions.net/cloud/web-interface/administration/management/users/create-invite-users/',
    questions: [
      { text: 'Is the user outside your identity provider?', yes: 'next', no: 'ruled-out' },
      { text: 'Is Force SSO on all users set?', yes: 'found', no: 'ruled-out' },
    ],
  },
  {
    id: 'first-connection',
    title: 'The user has not connected for the first time yet',
    fix: 'Invitees join, and appear in Administration – Users, only at their first connection: ask them to open the e-mail from Devolutions Cloud and complete their Devolutions Account setup (no password: they sign in with Entra ID).',
    docs: `${INVITE}end-user-experience/`,
    questions: [{ text: 'Has the user opened the invitation and completed their Devolutions Account setup?', yes: 'ruled-out', no: 'found' }],
  },
  {
    id: 'approval-pending',
    title: 'The user came without an invitation: their request awaits approval',
    fix: 'Every administrator got an approval e-mail: approve or deny the request in Administration – Users (this happens only for users of the same identity provider).',
    docs: INVITE,
    questions: [{ text: 'Did the user open the instance URL without an invitation?', yes: 'found', no: 'ruled-out' }],
  },
];
