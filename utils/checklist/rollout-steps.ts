// SonarQube Cloud's SSO rollout, in the order that matters: groups before SSO (group sync matches names and
// skips the rest), a clean sign-in before inviting users, and the closing steps that keep admins from locking
// themselves out.

const DOCS = 'https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/enterprise-security/sso-and-provisioning';

export type RolloutStepId =
  | 'groups-exist'
  | 'sso-configured'
  | 'email-domain-verified'
  | 'link-copied'
  | 'users-invited'
  | 'sso-admin-permission'
  | 'devops-admin-kept'
  | 'recovery-account';

/** Evidence SSO Lens can see itself; a step with `evidence` is ticked when that evidence is there. */
export type RolloutEvidenceKind = 'group-parity' | 'clean-sign-in' | 'link-copied';

export interface RolloutStep {
  id: RolloutStepId;
  title: string;
  why: string;
  docs: string;
  evidence?: RolloutEvidenceKind;
}

export const ROLLOUT_STEPS: readonly RolloutStep[] = [
  {
    id: 'groups-exist',
    title: 'Create the groups in each organization',
    why: "Without SCIM, group sync matches the IdP's exact, case-sensitive names; a group missing in SonarQube Cloud is silently skipped.",
    docs: `${DOCS}/before-you-start#managing-groups-in-sonarqube-cloud-if-using-jit-provisioning`,
    evidence: 'group-parity',
  },
  {
    id: 'sso-configured',
    title: 'Configure SSO and capture a clean test sign-in',
    why: 'A sign-in you watched succeed is the only proof the IdP sends what SonarQube Cloud expects.',
    docs: `${DOCS}/set-up-sso`,
    evidence: 'clean-sign-in',
  },
  {
    id: 'email-domain-verified',
    title: 'Verify the company e-mail domain',
    why: 'Avoids one-time e-mail verification during SSO login; it can be done during SSO setup or after it is configured.',
    docs: `${DOCS}/verify-domain`,
  },
  {
    id: 'link-copied',
    title: 'Copy the one-click access link',
    why: 'SonarQube Cloud accepts only sign-ins that start at the service; the link carries the enterprise key.',
    docs: `${DOCS}/complete-setup`,
    evidence: 'link-copied',
  },
  {
    id: 'users-invited',
    title: 'Invite users to sign in',
    why: 'Users must start at SonarQube Cloud, not at the IdP portal, and regenerate their tokens with the SSO account.',
    docs: `${DOCS}/complete-setup`,
  },
  {
    id: 'sso-admin-permission',
    title: 'Grant your SSO account Administer Enterprise',
    why: 'Your DevOps platform account holds the permission today; the SSO account needs it before that one goes.',
    docs: `${DOCS}/complete-setup`,
  },
  {
    id: 'devops-admin-kept',
    title: 'Keep one admin or service account on the DevOps platform login',
    why: 'Essential with Bitbucket Cloud: an SSO account cannot bind an organization to a workspace.',
    docs: `${DOCS}/complete-setup`,
  },
  {
    id: 'recovery-account',
    title: 'Configure the recovery account',
    why: 'Strongly advised for all enterprise administrators: it recovers access to the enterprise in case SSO login becomes unavailable.',
    docs: `${DOCS}/recovery-account`,
  },
];

export function isRolloutStepId(value: string): value is RolloutStepId {
  return ROLLOUT_STEPS.some((step) => step.id === value);
}
