// Devolutions Cloud's SSO invitation, step by step as its guide "Invite users to Devolutions Cloud with SSO"
// gives it (Microsoft Entra ID): SSO first, the invite wizard's four steps, then what happens after sending.
import type { Checklist } from './checklist-types';

const SSO = 'https://docs.devolutions.net/cloud/getting-started/get-started-with-sso-in-devolutions-cloud';
const INVITE = `${SSO}/invite-users-to-devolutions-cloud-with-sso/`;
const USERS = 'https://docs.devolutions.net/cloud/web-interface/administration/management/users/';

export const DEVOLUTIONS_CLOUD_CHECKLIST: Checklist = {
  service: 'devolutions-cloud',
  title: 'Devolutions Cloud: inviting users with SSO',
  sources: [INVITE],
  steps: [
    {
      id: 'sso-enabled',
      title: 'Configure and enable SSO',
      why: 'The SSO invitation is for instances where SSO is configured and enabled.',
      where: 'Devolutions Cloud: the SSO authentication configuration (Microsoft Entra ID)',
      docs: `${SSO}/configure-sso-authentication-microsoft-azure/`,
    },
    {
      id: 'custom-groups-defined',
      title: 'Define custom user groups beforehand',
      why: 'The wizard’s User groups step only assigns custom groups that already exist; synced groups need nothing.',
      where: 'Devolutions Cloud: Administration, user groups',
      docs: USERS,
    },
    {
      id: 'invitation-required-widget',
      title: 'Open the wizard from the “Invitation required” widget',
      why: 'New users synced from your provider are ready to be invited, and counted there.',
      where: 'Administration – Users: the Invitation required widget',
      docs: INVITE,
    },
    {
      id: 'from-organization',
      title: 'Step 1 – From Organization: the suggested users, or a whole sync group',
      why: 'Synced users are suggested; the Groups tab invites every member of a sync group at once.',
      where: 'Invite wizard: From Organization (Groups tab for a sync group)',
      docs: INVITE,
    },
    {
      id: 'by-emails',
      title: 'Step 2 – By Emails: same-provider users who are not synced',
      why: 'Possible only when the Entra ID enterprise application has Assignment required set to No.',
      where: 'Invite wizard: By Emails; Entra ID: the enterprise application’s Properties',
      docs: INVITE,
    },
    {
      id: 'invite-options',
      title: 'Step 3 – Options for the invited users',
      why: 'The options chosen here go to the users this invitation brings in.',
      where: 'Invite wizard: Options',
      docs: INVITE,
    },
    {
      id: 'invite-user-groups',
      title: 'Step 4 – User groups: assign custom groups only',
      why: 'Synchronized users join their synced user groups automatically as they log in; custom groups must be defined beforehand.',
      where: 'Invite wizard: User groups',
      docs: INVITE,
    },
    {
      id: 'invite-sent',
      title: 'Send invite, then give users a heads-up',
      why: 'Devolutions Cloud e-mails the URL, invitation ID and key itself; they expire 7 days after they are sent.',
      where: 'Invite wizard: Send invite',
      docs: INVITE,
      evidence: 'invitation-open',
    },
    {
      id: 'first-connection',
      title: 'Check invitees after their first connection',
      why: 'Invitees complete a Devolutions Account setup (no password: they authenticate with Entra ID) and appear in Administration – Users only after they first connect.',
      where: 'Administration – Users',
      docs: `${INVITE}end-user-experience/`,
    },
    {
      id: 'approval-requests',
      title: 'Approve or deny access requests',
      why: 'A user of the same identity provider who opens the URL without an invitation triggers an approval e-mail to every administrator.',
      where: 'Administration – Users',
      docs: INVITE,
    },
    {
      id: 'outside-users',
      title: 'Invite users outside your provider only without Force SSO',
      why: 'They are not in your authentication provider: possible only if Force SSO on all users is not set.',
      where: 'Administration – Users: Create and Invite Users',
      docs: `${USERS}create-invite-users/`,
    },
  ],
};
