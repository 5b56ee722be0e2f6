import type { RolloutProgress } from '@/utils/checklist/rollout-progress';
import type { RolloutStepId } from '@/utils/checklist/rollout-steps';

interface Props {
  progress: RolloutProgress;
  onToggle(id: RolloutStepId, done: boolean): void;
  idPrefix: string;
}

/** The rollout steps in order; a step proven by evidence is ticked and says so. */
export function RolloutChecklist({ progress, onToggle, idPrefix }: Props) {
  return (
    <ol class="checklist">
      {progress.steps.map((step) => {
        const id = `${idPrefix}-${step.id}`;
        return (
          <li key={step.id} class={step.done ? 'done' : step === progress.next ? 'next' : ''}>
            <input
              id={id}
              type="checkbox"
              checked={step.done}
              disabled={step.doneBy === 'evidence'}
              onChange={(e) => onToggle(step.id, e.currentTarget.checked)}
            />
            <div>
              <label for={id}>{step.title}</label>
              <p class="hint muted">
                {step.why}{' '}
                <a href={step.docs} target="_blank" rel="noreferrer">
                  Docs
                </a>
              </p>
              {step.evidenceNote && <p class="hint ok-text">Seen by SSO Lens: {step.evidenceNote}</p>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
