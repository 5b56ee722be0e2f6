// SonarQube Cloud's SSO rollout, step by step as its docs give it: "Setting up SSO with JIT provisioning" (groups
// first), "Complete the setup" (one-click access, invite users, terminate) and "Troubleshooting SSO and
// provisioning" (setup warnings). The one place these texts live: the popup, the options page and
// docs/checklists.md (npm run docs:checklists) all read them from here.
import type { Checklist } from './checklist-types';

const SSO = 'https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/enterprise-security/sso-and-provisioning';
const COMPLETE = `${SSO}/complete-setup`;

export const SONARQUBE_CLOUD_CHECKLIST: Checklist = {
  service: 'sonarqube-cloud',
  title: 'SonarQube Cloud: SSO rollout',
  sources: [`${SSO}/before-you-start`, `${SSO}/set-up-sso`, COMPLETE, `${SSO}/troubleshooting`],
  steps: [
    {
      id: 'groups-exist',
      title: 'Create the user groups in each organization, with the IdP’s exact names',
      why: 'Without SCIM, group synchronization matches the IdP’s group names exactly (case-sensitive) and skips the default Members group: a missing group gives its users no access.',
      where: 'Each organization: Administration > Groups',
      docs: `${SSO}/before-you-start#managing-groups-in-sonarqube-cloud-if-using-jit-provisioning`,
      when: 'jit',
      evidence: 'group-parity',
    },
    {
      id: 'groups-permissions',
      title: 'Give those groups the correct permissions',
      why: 'A synced user gets the access of the groups they land in, and JIT memberships are reset to the IdP’s at each login: the right name with the wrong permissions still locks users out.',
      where: 'Each organization: Administration > Permissions',
      docs: `${SSO}/before-you-start#managing-groups-in-sonarqube-cloud-if-using-jit-provisioning`,
      when: 'jit',
    },
    {
      id: 'sso-configured',
      title: 'Set up SSO and capture a clean test sign-in',
      why: 'A sign-in you watched succeed is the proof the IdP sends what SonarQube Cloud expects (e-mail first).',
      where: 'Your enterprise: Administration > SSO & Provisioning > Configure SSO',
      docs: `${SSO}/set-up-sso`,
      evidence: 'clean-sign-in',
    },
    {
      id: 'scim-configured',
      title: 'Set up SCIM provisioning once SSO works',
      why: 'SCIM provisioning does not work properly until SSO is set up properly; with SCIM, groups need not be created by hand first.',
      where: 'Your enterprise: Administration > SSO & Provisioning > Configure provisioning',
      docs: `${SSO}/set-up-scim`,
      when: 'scim',
    },
    {
      id: 'setup-warnings-checked',
      title: 'Check for setup warnings',
      why: 'A warning means a setup assistant needs running again: an SSO setup made before the recent attribute-mapping change shows one on Single Sign-On, and the IdP’s mapping must then match the new one.',
      where: 'Administration > SSO & Provisioning > Configure SSO or Configure provisioning: the Configure Your Connection page',
      docs: `${SSO}/troubleshooting#checking-setup-warnings`,
    },
    {
      id: 'domain-verified',
      title: 'Verify your company’s e-mail domain (during or after the SSO setup)',
      why: 'Without it, users get a one-time e-mail verification at their SSO login.',
      where: 'Administration > SSO & Provisioning > Single sign-on & Domain verification',
      docs: `${SSO}/verify-domain`,
    },
    {
      id: 'one-click-link',
      title: 'Copy the one-click access link',
      why: 'Sign-in must start at SonarQube Cloud (SP-initiated); this link carries the enterprise key, so users need not type it.',
      where: 'Administration > SSO & Provisioning > Single sign-on: Copy link in front of “Configure one-click access”',
      docs: `${COMPLETE}#step-1-configure-one-click-access`,
      evidence: 'link-copied',
    },
    {
      id: 'okta-dashboard',
      title: 'Users may also start from the Okta dashboard',
      why: 'With the Okta Express Configuration, the Okta dashboard is the one IdP-initiated start SonarQube Cloud accepts; every other sign-in starts at SonarQube Cloud.',
      where: 'Okta dashboard: the SonarQube Cloud application',
      docs: `${COMPLETE}#step-1-configure-one-click-access`,
      when: 'okta-express',
    },
    {
      id: 'users-invited',
      title: 'Invite users to sign in, with the login URL',
      why: 'IdP-initiated SSO is not supported: users must go to SonarQube Cloud’s login page, and their SSO account is created at their first sign-in.',
      where: 'Administration > SSO & Provisioning > Single sign-on & Domain verification: Copy link in front of “Invite users to sign in”',
      docs: `${COMPLETE}#step-2-invite-users-to-sign-in`,
      evidence: 'invite-copied',
    },
    {
      id: 'users-checked',
      title: 'Users check their organizations and their tokens',
      why: 'After their first SSO sign-in users should reach their organizations and work as before, and generate analysis tokens with the SSO account; from the Team plan, scoped organization tokens are recommended over personal access tokens.',
      where: 'Each user: their organizations, and My Account > Security for tokens',
      docs: `${COMPLETE}#step-2-invite-users-to-sign-in`,
    },
    {
      id: 'sso-admin-permission',
      title: 'Grant your SSO account the Administer Enterprise permission',
      why: 'Signed in with your DevOps platform account, give your own SSO account the enterprise permissions before you rely on SSO.',
      where: 'Signed in with your DevOps platform account: your enterprise’s permissions',
      docs: 'https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/managing-enterprise/managing-the-enterprise-related-permissions',
      perAdmin: true,
    },
    {
      id: 'dop-accounts-removed',
      title: 'Remove end users’ DevOps platform accounts from the organizations',
      why: 'If you moved from DevOps platform sign-in, each user otherwise keeps two accounts in the organizations; their DevOps platform tokens work as long as that account exists.',
      where: 'Each organization: Administration > Members',
      docs: 'https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/managing-organization/users-and-permissions/organization-members',
    },
    {
      id: 'dop-accounts-deleted',
      title: 'Users delete their DevOps platform account in SonarQube Cloud',
      why: 'Once they work with SSO, the old account (and its tokens) can go; users delete it themselves.',
      where: 'Each user, signed in with the DevOps platform account: My Account > Delete account',
      docs: 'https://docs.sonarsource.com/sonarqube-cloud/managing-your-account/deleting',
    },
    {
      id: 'dop-admins-kept',
      title: 'Keep one or a few admin or service accounts on the DevOps platform',
      why: 'Recommended: they still reach the enterprise and its organizations without SSO.',
      where: 'Your DevOps platform and SonarQube Cloud: the accounts you keep',
      docs: `${COMPLETE}#step-3-terminate`,
    },
    {
      id: 'bitbucket-binding-account',
      title: 'Keep a DevOps platform admin account for Bitbucket Cloud bindings',
      why: 'An SSO account cannot link a SonarQube Cloud organization with a Bitbucket Cloud workspace.',
      where: 'Bitbucket Cloud and the organizations bound to its workspaces',
      docs: `${COMPLETE}#step-3-terminate`,
      when: 'bitbucket-cloud',
    },
    {
      id: 'recovery-account',
      title: 'Sign in with SSO and configure your recovery account',
      why: 'Strongly advised for every enterprise admin: it recovers access to your enterprise if SSO login becomes unavailable.',
      where: 'Signed in with SSO: your enterprise’s recovery account for SSO',
      docs: `${SSO}/recovery-account`,
      perAdmin: true,
    },
  ],
};
