// Every SonarQube Cloud documentation link SSO Lens shows (rule docs and fixes, rollout checklist, link
// builders) points at the current docs layout, .../enterprise-security/sso-and-provisioning/..., which the
// service's own pages link to; the old .../managing-enterprise/sso/ pages are gone.
import { describe, expect, it } from 'vitest';
import { SONARQUBE_CLOUD_CHECKLIST } from '../../utils/checklist/sonarqube-cloud-steps';
import { SSO_TROUBLESHOOTING_DOC } from '../../utils/links/sonarqube-cloud';
import { RULES } from '../../utils/rules/index';

const SSO = 'https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/enterprise-security/sso-and-provisioning';

// The pages, as linked from the service's own documentation (complete-setup, troubleshooting).
const KNOWN = [
  `${SSO}/before-you-start`,
  `${SSO}/before-you-start#managing-groups-in-sonarqube-cloud-if-using-jit-provisioning`,
  `${SSO}/complete-setup`,
  `${SSO}/complete-setup#step-1-configure-one-click-access`,
  `${SSO}/complete-setup#step-2-invite-users-to-sign-in`,
  `${SSO}/complete-setup#step-3-terminate`,
  `${SSO}/recovery-account`,
  `${SSO}/set-up-scim`,
  `${SSO}/set-up-sso`,
  `${SSO}/troubleshooting`,
  `${SSO}/troubleshooting#checking-setup-warnings`,
  `${SSO}/verify-domain`,
  // The rollout checklist's steps outside SSO: enterprise permissions, organization members, deleting an account.
  'https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/managing-enterprise/managing-the-enterprise-related-permissions',
  'https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/managing-organization/users-and-permissions/organization-members',
  'https://docs.sonarsource.com/sonarqube-cloud/managing-your-account/deleting',
];

function linksIn(value: unknown): string[] {
  return JSON.stringify(value).match(/https:\/\/docs\.sonarsource\.com[^\s"'`)]*/g) ?? [];
}

describe('SonarQube Cloud documentation links', () => {
  const all = [...linksIn(RULES.map((r) => ({ docs: r.docs, fix: r.fix, description: r.description }))), ...linksIn(SONARQUBE_CLOUD_CHECKLIST), SSO_TROUBLESHOOTING_DOC];

  it('are all in the current docs layout, each one a known page', () => {
    expect(all.length).toBeGreaterThan(10);
    expect([...new Set(all)].sort()).toEqual(KNOWN);
  });

  it('never use the retired managing-enterprise/sso path', () => {
    expect(all.filter((url) => /managing-enterprise\/(enterprise-security\/)?sso/.test(url))).toEqual([]);
  });
});
