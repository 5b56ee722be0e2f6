import { stepApplies, type Checklist, type ChecklistStep, type EvidenceKind, type RolloutChoices } from './checklist-types';

/** A tick by hand, with when. */
export interface ManualTick {
  done: boolean;
  at?: string;
}

/** Ticks by hand: a step's id, or `id@admin` for a step each enterprise admin does on their own account. */
export type ManualChecks = Record<string, ManualTick>;

export function adminTickKey(stepId: string, admin: string): string {
  return `${stepId}@${admin}`;
}

/** What SSO Lens has seen; `undefined` means "cannot tell", never "no". */
export interface RolloutEvidence {
  /** Every group of a captured sign-in exists with that exact name in the cached organization group lists. */
  groupParityOk?: boolean;
  /** When a sign-in to this enterprise was captured with no error or warning. */
  cleanSignInAt?: string;
  /** When the one-click link was last copied from SSO Lens. */
  linkCopiedAt?: string;
  /** When the invite message was last copied from SSO Lens. */
  inviteCopiedAt?: string;
  /** The newest recorded invitation that has not expired yet. */
  openInvitation?: { who: string; expiresAt: string };
}

export interface AdminTick {
  admin: string;
  done: boolean;
  at?: string;
}

export interface StepState extends ChecklistStep {
  done: boolean;
  /** `evidence` when SSO Lens saw it, `manual` when ticked by hand (for every admin, on a per-admin step). */
  doneBy?: 'evidence' | 'manual';
  /** When it was ticked by hand (the latest admin's tick on a per-admin step). */
  at?: string;
  /** A short line explaining the evidence, for the admin to trust the tick. */
  evidenceNote?: string;
  /** Per-admin steps: each admin's tick. */
  admins?: AdminTick[];
}

export interface RolloutProgress {
  steps: StepState[];
  doneCount: number;
  total: number;
  /** The first step not done: the order matters. */
  next?: StepState;
}

export interface ProgressInput {
  manual: ManualChecks;
  choices: RolloutChoices;
  evidence?: RolloutEvidence;
  /** The enterprise admins, for steps each of them does. */
  admins?: readonly string[];
}

const day = (iso: string) => iso.slice(0, 10);

function evidenceFor(kind: EvidenceKind, evidence: RolloutEvidence): string | undefined {
  switch (kind) {
    case 'group-parity':
      return evidence.groupParityOk ? 'every group of the captured sign-in exists with that exact name in the cached group lists.' : undefined;
    case 'clean-sign-in':
      return evidence.cleanSignInAt ? `a clean sign-in was captured on ${day(evidence.cleanSignInAt)}.` : undefined;
    case 'link-copied':
      return evidence.linkCopiedAt ? `copied on ${day(evidence.linkCopiedAt)}.` : undefined;
    case 'invite-copied':
      return evidence.inviteCopiedAt ? `invite message copied on ${day(evidence.inviteCopiedAt)}.` : undefined;
    case 'invitation-open': {
      const open = evidence.openInvitation;
      return open ? `invitation for ${open.who || 'a user'} sent, open until ${day(open.expiresAt)}.` : undefined;
    }
  }
}

function perAdminState(step: ChecklistStep, manual: ManualChecks, admins: readonly string[]): StepState {
  const ticks = admins.map((admin): AdminTick => {
    const tick = manual[adminTickKey(step.id, admin)];
    return tick?.done ? { admin, done: true, ...(tick.at ? { at: tick.at } : {}) } : { admin, done: false };
  });
  // No admin listed means nobody is known to have done it: a per-admin step is never ticked once for everyone.
  const done = ticks.length > 0 && ticks.every((t) => t.done);
  const at = ticks.map((t) => t.at ?? '').sort().at(-1) || undefined;
  return { ...step, done, admins: ticks, ...(done ? { doneBy: 'manual' as const, ...(at ? { at } : {}) } : {}) };
}

/**
 * The steps that apply to these choices, each ticked from evidence or by hand. Evidence wins because it was
 * observed, a tick was only remembered.
 */
export function rolloutProgress(checklist: Checklist, { manual, choices, evidence = {}, admins = [] }: ProgressInput): RolloutProgress {
  const steps = checklist.steps
    .filter((step) => stepApplies(step, choices))
    .map((step): StepState => {
      const note = step.evidence ? evidenceFor(step.evidence, evidence) : undefined;
      if (note) return { ...step, done: true, doneBy: 'evidence', evidenceNote: note };
      if (step.perAdmin) return perAdminState(step, manual, admins);
      const tick = manual[step.id];
      if (tick?.done) return { ...step, done: true, doneBy: 'manual', ...(tick.at ? { at: tick.at } : {}) };
      return { ...step, done: false };
    });
  const doneCount = steps.filter((s) => s.done).length;
  return { steps, doneCount, total: steps.length, next: steps.find((s) => !s.done) };
}
