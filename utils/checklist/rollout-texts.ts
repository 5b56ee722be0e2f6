// Every rollout text, for the generated reference page and its drift test.
import { DEVOLUTIONS_CLOUD_CAUSES } from '../troubleshoot/devolutions-cloud-causes';
import { SONARQUBE_CLOUD_CAUSES } from '../troubleshoot/sonarqube-cloud-causes';
import type { Cause } from '../troubleshoot/troubleshooter';
import { DEVOLUTIONS_CLOUD_CHECKLIST } from './devolutions-cloud-steps';
import type { Troubleshooter } from './render-checklists-doc';
import { SONARQUBE_CLOUD_CHECKLIST } from './sonarqube-cloud-steps';

export const CHECKLISTS = [SONARQUBE_CLOUD_CHECKLIST, DEVOLUTIONS_CLOUD_CHECKLIST] as const;

export const TROUBLESHOOTERS: readonly Troubleshooter[] = [
  {
    title: 'SonarQube Cloud: sign-in doesn’t work',
    source: 'https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/enterprise-security/sso-and-provisioning/troubleshooting',
    causes: SONARQUBE_CLOUD_CAUSES as readonly Cause<never>[],
  },
  {
    title: 'Devolutions Cloud: a user can’t get in',
    source: 'https://docs.devolutions.net/cloud/getting-started/get-started-with-sso-in-devolutions-cloud/invite-users-to-devolutions-cloud-with-sso/',
    causes: DEVOLUTIONS_CLOUD_CAUSES as readonly Cause<never>[],
  },
];
