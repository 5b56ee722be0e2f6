import { defineRule } from './define-rule';
import { VENDOR, ENTRA } from './support/docs-links';
import type { Fix } from './types';

const CODE = /AADSTS50105\b/;

const FIX: Fix = {
  generic: 'Assign the user (or a group they belong to) to the application in Microsoft Entra ID.',
  entra: `In ${ENTRA.usersAndGroups} > Add user/group, assign the user or a group they are a direct member of. To let every user in the tenant in instead, set "Assignment required?" to No in ${ENTRA.properties}.`,
};

export default defineRule({
  id: 'entra-not-assigned',
  severity: 'error',
  title: 'Microsoft Entra ID: user not assigned to the application',
  description:
    'Microsoft Entra ID refused the sign-in with AADSTS50105: the application requires assignment and the user is neither assigned nor a direct member of an assigned group.',
  docs: VENDOR.entraNotAssigned,
  fix: FIX,
  appliesTo: ['Response'],
  check({ message }) {
    const text = message.status?.message;
    if (!text || !CODE.test(text)) return [];
    return [
      {
        message: `Microsoft Entra ID refused the sign-in with AADSTS50105: the user is not assigned to this application (StatusMessage "${text.length > 200 ? `${text.slice(0, 200)}…` : text}").`,
        evidence: { path: 'Response/Status/StatusMessage', value: text },
        fix: FIX,
      },
    ];
  },
});
