// The shape every rollout checklist shares, whatever the service: the texts live in one typed file per service
// (sonarqube-cloud-steps.ts, devolutions-cloud-steps.ts), the progress logic in rollout-progress.ts.

/** The choices that decide which steps apply; kept per enterprise in the settings. */
export interface RolloutChoices {
  /** JIT (the default): groups must exist in SonarQube Cloud first. SCIM: the IdP provisions users and groups. */
  provisioning: 'jit' | 'scim';
  /** SSO set up through Okta's Express Configuration: the Okta dashboard may start a sign-in. */
  oktaExpress: boolean;
  /** Organizations bound to Bitbucket Cloud workspaces: binding needs a DevOps platform account. */
  bitbucketCloud: boolean;
}

export const DEFAULT_CHOICES: RolloutChoices = { provisioning: 'jit', oktaExpress: false, bitbucketCloud: false };

/** When a step applies; absent means always. */
export type StepCondition = 'jit' | 'scim' | 'okta-express' | 'bitbucket-cloud';

/** Evidence SSO Lens can see itself; a step with `evidence` is ticked when that evidence is there. */
export type EvidenceKind = 'group-parity' | 'clean-sign-in' | 'link-copied' | 'invite-copied' | 'invitation-open';

export interface ChecklistStep {
  /** Stable: ticks are stored under it. */
  id: string;
  title: string;
  /** One line: what goes wrong without it. */
  why: string;
  /** Where in the service's UI, as its docs name it. */
  where: string;
  /** The vendor page this step comes from. */
  docs: string;
  when?: StepCondition;
  evidence?: EvidenceKind;
  /** Done by each enterprise admin on their own account: ticked per admin. */
  perAdmin?: boolean;
}

export interface Checklist {
  service: 'sonarqube-cloud' | 'devolutions-cloud';
  title: string;
  /** The vendor pages the steps come from, in the order they were read. */
  sources: readonly string[];
  steps: readonly ChecklistStep[];
}

export function stepApplies(step: Pick<ChecklistStep, 'when'>, choices: RolloutChoices): boolean {
  switch (step.when) {
    case undefined:
      return true;
    case 'jit':
      return choices.provisioning === 'jit';
    case 'scim':
      return choices.provisioning === 'scim';
    case 'okta-express':
      return choices.oktaExpress;
    case 'bitbucket-cloud':
      return choices.bitbucketCloud;
  }
}
