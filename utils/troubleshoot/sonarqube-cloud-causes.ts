// "Sign-in doesn't work" for SonarQube Cloud, in the order of its page "Troubleshooting SSO and provisioning":
// the key or login URL, no organization, group synchronization, the SSO configuration (attribute mapping, e-mail
// first; the other settings; setup warnings), the GitHub IP allow list, then its sections on the 403 after
// sign-in and on SCIM needing SSO first.
import { checkSignInLink, type SonarRegion } from '../links/sonarqube-cloud';
import type { Cause, CheckResult } from './troubleshooter';

const SSO = 'https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/enterprise-security/sso-and-provisioning';
const TROUBLESHOOTING = `${SSO}/troubleshooting`;

/** What SSO Lens knows about the failing sign-in. */
export interface SonarFacts {
  enterprise: { region: SonarRegion; key: string; provisioning: 'jit' | 'scim'; oktaExpress: boolean };
  /** The last sign-in captured on this tab to the enterprise's region, when there is one. */
  signIn?: {
    at: string;
    rules: ReadonlyArray<{ id: string; severity: string }>;
    /** The groups were compared with cached organization group lists: true when all exist with those names. */
    groupsMatch?: boolean;
    topFinding?: { rule: string; message: string };
  };
  /** The link or key the user says they used, pasted by the admin. */
  pastedLink?: string;
}

export const NO_ORGANIZATION_RULES = ['no-org-match'];
export const GROUP_SYNC_RULES = [
  'groups-missing',
  'group-case-mismatch',
  'group-not-in-org',
  'members-group-targeted',
  'group-values-are-object-ids',
  'group-domain-qualified',
  'groups-comma-joined',
  'entra-group-overage',
  'entra-nested-groups',
  'okta-group-filter',
];
/** E-mail first: the troubleshooting page names it. */
export const ATTRIBUTE_RULES = ['email-attribute-missing', 'login-attribute-missing', 'name-attribute-missing'];
export const FORBIDDEN_RULES = ['acs-forbidden'];
const EXPLAINED_ELSEWHERE = new Set([...NO_ORGANIZATION_RULES, ...GROUP_SYNC_RULES, ...ATTRIBUTE_RULES, ...FORBIDDEN_RULES, 'idp-initiated']);

function fired(facts: SonarFacts, ids: readonly string[]): string[] {
  const rules = facts.signIn?.rules ?? [];
  return ids.filter((id) => rules.some((r) => r.id === id && r.severity !== 'info'));
}

function describe(facts: SonarFacts, ids: string[]): string {
  const top = facts.signIn?.topFinding;
  const message = top && ids.includes(top.rule) ? ` ${top.message}` : '';
  return `The captured sign-in shows ${ids.join(', ')}.${message}`;
}

const unknown: CheckResult = { status: 'unknown' };

export const SONARQUBE_CLOUD_CAUSES: readonly Cause<SonarFacts>[] = [
  {
    id: 'invalid-key-or-url',
    title: 'The user entered an invalid key, or was sent an invalid login URL',
    fix: 'Send the one-click link again (Administration > SSO & Provisioning > Single sign-on: Copy link in front of “Configure one-click access”, or SSO Lens’s copy button). Sign-in must start at SonarQube Cloud’s login page.',
    docs: `${SSO}/complete-setup#step-1-configure-one-click-access`,
    check(facts) {
      if (facts.pastedLink?.trim()) {
        const result = checkSignInLink(facts.pastedLink, facts.enterprise);
        return result.ok ? { status: 'ruled-out', detail: result.message } : { status: 'found', detail: result.message };
      }
      if (!facts.enterprise.oktaExpress && fired(facts, ['idp-initiated']).length) {
        return { status: 'found', detail: 'The captured sign-in started at the IdP (idp-initiated): SonarQube Cloud supports only sign-ins that start at its login page.' };
      }
      if (facts.signIn) return { status: 'ruled-out', detail: 'SonarQube Cloud sent the captured sign-in on to the IdP, so it found the enterprise key.' };
      return unknown;
    },
    questions: [{ text: 'Did the user start from the one-click link or login URL copied from SonarQube Cloud (or SSO Lens), unchanged?', yes: 'ruled-out', no: 'found' }],
  },
  {
    id: 'no-organization',
    title: 'The user is not a member of any organization in the enterprise',
    fix: 'Make the user a member of an organization: put them in an IdP group whose exact name exists in that organization, or add them as a member.',
    docs: 'https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/managing-organization/users-and-permissions/organization-members',
    check(facts) {
      const ids = fired(facts, NO_ORGANIZATION_RULES);
      if (ids.length) return { status: 'found', detail: describe(facts, ids) };
      if (facts.signIn?.groupsMatch) return { status: 'ruled-out', detail: 'Every group of the captured sign-in exists in the cached organization group lists.' };
      return unknown;
    },
    questions: [{ text: 'Is the user a member of at least one organization of the enterprise?', yes: 'ruled-out', no: 'found' }],
  },
  {
    id: 'group-sync-failed',
    title: 'The group synchronization failed',
    fix: 'Make the IdP send the user’s groups with names exactly as in SonarQube Cloud (case-sensitive); the Members group is not synchronized, nor are Entra ID nested groups, and past Entra ID’s limit on groups in a SAML token the user must be in fewer groups.',
    docs: `${SSO}/before-you-start#managing-groups-in-sonarqube-cloud-if-using-jit-provisioning`,
    check(facts) {
      const ids = fired(facts, GROUP_SYNC_RULES);
      if (ids.length) return { status: 'found', detail: describe(facts, ids) };
      if (facts.signIn?.groupsMatch) return { status: 'ruled-out', detail: 'Every group of the captured sign-in exists with that exact name in the cached organization group lists.' };
      return unknown;
    },
    questions: [{ text: 'After signing in, is the user in the same groups in SonarQube Cloud as in the IdP?', yes: 'ruled-out', no: 'found' }],
  },
  {
    id: 'attribute-mapping',
    title: 'The SSO configuration is incorrect: the attribute mapping (e-mail first)',
    fix: 'Check the attribute mapping, e-mail first: the IdP must send the attributes SonarQube Cloud’s SSO settings name, and SonarQube Cloud’s mapping must match the IdP’s.',
    docs: `${SSO}/set-up-sso`,
    check(facts) {
      const ids = fired(facts, ATTRIBUTE_RULES);
      if (ids.length) return { status: 'found', detail: describe(facts, ids) };
      if (facts.signIn) return { status: 'ruled-out', detail: 'The captured sign-in carried the e-mail, login and name attributes.' };
      return unknown;
    },
    questions: [{ text: 'Does the IdP send the e-mail attribute under the name SonarQube Cloud’s SSO settings expect?', yes: 'ruled-out', no: 'found' }],
  },
  {
    id: 'sso-settings',
    title: 'The SSO configuration is incorrect: another setting',
    fix: 'Check the other SSO settings against SonarQube Cloud’s setup assistant, then test your connection.',
    docs: `${SSO}/set-up-sso`,
    check(facts) {
      const errors = (facts.signIn?.rules ?? []).filter((r) => r.severity === 'error' && !EXPLAINED_ELSEWHERE.has(r.id)).map((r) => r.id);
      if (errors.length) return { status: 'found', detail: describe(facts, errors) };
      if (facts.signIn) return { status: 'ruled-out', detail: 'The captured sign-in has no other error.' };
      return unknown;
    },
    questions: [{ text: 'Does “test your connection” succeed in SonarQube Cloud’s SSO setup?', yes: 'ruled-out', no: 'found' }],
  },
  {
    id: 'setup-warnings',
    title: 'SonarQube Cloud shows a setup warning',
    fix: 'Open the corresponding setup assistant and follow its instructions. A warning on Single Sign-On after the recent attribute-mapping change: update the mapping in SonarQube Cloud, then check the IdP’s mapping matches the new one.',
    docs: `${TROUBLESHOOTING}#checking-setup-warnings`,
    questions: [
      {
        text: 'In Administration > SSO & Provisioning, select Configure SSO (or Configure provisioning): does the Configure Your Connection page show a warning?',
        yes: 'found',
        no: 'ruled-out',
      },
    ],
  },
  {
    id: 'github-ip-allow-list',
    title: 'GitHub’s IP allow list blocks the sign-in',
    fix: 'Disable the IP allow list configuration in GitHub and try again.',
    docs: TROUBLESHOOTING,
    questions: [{ text: 'Do you use GitHub with SSO, with an IP allow list configured in GitHub?', yes: 'found', no: 'ruled-out' }],
  },
  {
    id: 'forbidden-after-sign-in',
    title: '403 after signing in: several sign-on URLs in the IdP',
    fix: 'Configure only one sign-on URL in the IdP: the value of the Single Sign-On URL field in SonarQube Cloud’s SSO setup assistant.',
    docs: `${TROUBLESHOOTING}#403-error-on-signing-in-via-sso`,
    check(facts) {
      const ids = fired(facts, FORBIDDEN_RULES);
      if (ids.length) return { status: 'found', detail: describe(facts, ids) };
      if (facts.signIn) return { status: 'ruled-out', detail: 'SonarQube Cloud did not answer the captured sign-in with 403.' };
      return unknown;
    },
    questions: [{ text: 'Did the sign-in end on a 403 error after the IdP?', yes: 'found', no: 'ruled-out' }],
  },
  {
    id: 'scim-needs-sso',
    title: 'SCIM provisioning needs SSO set up properly first',
    fix: 'Fix the SSO setup first (a test sign-in must succeed), then check the setup warnings for provisioning.',
    docs: `${TROUBLESHOOTING}#scim-provisioning-doesnt-work`,
    applies: (facts) => facts.enterprise.provisioning === 'scim',
    check(facts) {
      const rules = facts.signIn?.rules ?? [];
      if (facts.signIn && !rules.some((r) => r.severity === 'error' || r.severity === 'warning')) {
        return { status: 'ruled-out', detail: 'A clean SSO sign-in was captured: SSO works.' };
      }
      return unknown;
    },
    questions: [{ text: 'Does an SSO sign-in succeed for a user SCIM provisioned?', yes: 'ruled-out', no: 'found' }],
  },
];
