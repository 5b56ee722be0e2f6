import { ROLLOUT_STEPS, type RolloutEvidenceKind, type RolloutStep, type RolloutStepId } from './rollout-steps';

/** What the admin ticked by hand, with when. */
export type ManualChecks = Partial<Record<RolloutStepId, { done: boolean; at?: string }>>;

/** What SSO Lens has seen; `undefined` means "cannot tell", never "no". */
export interface RolloutEvidence {
  /** Group parity ran on the cached group lists and every IdP group has an exact match. */
  groupParityOk?: boolean;
  /** A sign-in to this enterprise's region was captured with no error or warning. */
  cleanSignInCaptured?: boolean;
  /** When the one-click link was last copied from SSO Lens. */
  linkCopiedAt?: string;
}

export interface RolloutStepState extends RolloutStep {
  done: boolean;
  /** `evidence` when SSO Lens saw it, `manual` when the admin ticked it. */
  doneBy?: 'evidence' | 'manual';
  /** A short line explaining the evidence, for the admin to trust the tick. */
  evidenceNote?: string;
}

export interface RolloutProgress {
  steps: RolloutStepState[];
  doneCount: number;
  total: number;
  /** The first step not done: the order matters. */
  next?: RolloutStepState;
}

function evidenceFor(kind: RolloutEvidenceKind, evidence: RolloutEvidence): string | undefined {
  switch (kind) {
    case 'group-parity':
      return evidence.groupParityOk ? 'Every IdP group has an exact match in the cached group lists.' : undefined;
    case 'clean-sign-in':
      return evidence.cleanSignInCaptured ? 'A clean sign-in was captured.' : undefined;
    case 'link-copied':
      return evidence.linkCopiedAt ? `Copied on ${evidence.linkCopiedAt.slice(0, 10)}.` : undefined;
  }
}

/** Merges manual ticks and evidence; evidence wins because it was observed, a tick was only remembered. */
export function rolloutProgress(manual: ManualChecks, evidence: RolloutEvidence = {}): RolloutProgress {
  const steps = ROLLOUT_STEPS.map((step): RolloutStepState => {
    const note = step.evidence ? evidenceFor(step.evidence, evidence) : undefined;
    if (note) return { ...step, done: true, doneBy: 'evidence', evidenceNote: note };
    if (manual[step.id]?.done) return { ...step, done: true, doneBy: 'manual' };
    return { ...step, done: false };
  });
  const doneCount = steps.filter((s) => s.done).length;
  return { steps, doneCount, total: steps.length, next: steps.find((s) => !s.done) };
}
