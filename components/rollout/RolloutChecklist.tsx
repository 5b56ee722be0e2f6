import { useState } from 'preact/hooks';
import type { Checklist, RolloutChoices } from '@/utils/checklist/checklist-types';
import { adminTickKey, rolloutProgress, type ManualChecks, type RolloutEvidence, type StepState } from '@/utils/checklist/rollout-progress';

export interface RolloutChecklistProps {
  checklist: Checklist;
  manual: ManualChecks;
  choices: RolloutChoices;
  evidence: RolloutEvidence;
  admins?: readonly string[];
  /** `key` is a step id, or `id@admin` for a per-admin step. */
  onTick(key: string, done: boolean): void;
  /** Present for services whose steps depend on the setup (SonarQube Cloud). */
  onChoices?(choices: RolloutChoices): void;
  onAdmins?(admins: string[]): void;
  idPrefix: string;
}

const day = (iso: string) => iso.slice(0, 10);

function SetupChoices({ choices, onChoices, admins, onAdmins, idPrefix }: Required<Pick<RolloutChecklistProps, 'choices' | 'onChoices' | 'onAdmins' | 'idPrefix'>> & { admins: readonly string[] }) {
  const [admin, setAdmin] = useState('');
  const add = (e: Event) => {
    e.preventDefault();
    const name = admin.trim();
    if (name && !admins.includes(name)) onAdmins([...admins, name]);
    setAdmin('');
  };
  return (
    <fieldset class="rollout-setup">
      <legend>Your setup (decides the steps)</legend>
      <div class="row" role="radiogroup" aria-label="Provisioning">
        {(['jit', 'scim'] as const).map((mode) => (
          <label key={mode} class="check">
            <input type="radio" name={`${idPrefix}-provisioning`} checked={choices.provisioning === mode} onChange={() => onChoices({ ...choices, provisioning: mode })} />
            {mode === 'jit' ? 'JIT provisioning' : 'SCIM provisioning'}
          </label>
        ))}
      </div>
      <label class="check">
        <input type="checkbox" checked={choices.oktaExpress} onChange={(e) => onChoices({ ...choices, oktaExpress: e.currentTarget.checked })} />
        Okta Express Configuration
      </label>
      <label class="check">
        <input type="checkbox" checked={choices.bitbucketCloud} onChange={(e) => onChoices({ ...choices, bitbucketCloud: e.currentTarget.checked })} />
        Bitbucket Cloud workspaces
      </label>
      <form class="row admin-add" onSubmit={add}>
        <label class="field">
          <span>Enterprise admin (each ticks their own steps)</span>
          <input type="text" value={admin} placeholder="name or e-mail" onInput={(e) => setAdmin(e.currentTarget.value)} />
        </label>
        <button type="submit">Add admin</button>
      </form>
      {admins.length > 0 && (
        <ul class="admins">
          {admins.map((name) => (
            <li key={name} class="row">
              <span>{name}</span>
              <button type="button" class="link" aria-label={`Remove admin ${name}`} onClick={() => onAdmins(admins.filter((a) => a !== name))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

function StepItem({ step, isNext, idPrefix, onTick }: { step: StepState; isNext: boolean; idPrefix: string; onTick: RolloutChecklistProps['onTick'] }) {
  const id = `${idPrefix}-${step.id}`;
  const perAdmin = !!step.admins;
  return (
    <li class={step.done ? 'done' : isNext ? 'next' : ''}>
      <input
        id={id}
        type="checkbox"
        checked={step.done}
        // Evidence is not undone by hand, and a per-admin step is ticked admin by admin below.
        disabled={step.doneBy === 'evidence' || perAdmin}
        onChange={(e) => onTick(step.id, e.currentTarget.checked)}
      />
      <div>
        <label for={id}>{step.title}</label>
        <p class="hint where">{step.where}</p>
        <p class="hint muted">
          {step.why}{' '}
          <a href={step.docs} target="_blank" rel="noreferrer">
            Docs
          </a>
        </p>
        {step.evidenceNote && <p class="hint ok-text">Seen by SSO Lens: {step.evidenceNote}</p>}
        {step.doneBy === 'manual' && !perAdmin && <p class="hint muted">Ticked by hand{step.at ? ` on ${day(step.at)}` : ''}.</p>}
        {perAdmin && step.doneBy !== 'evidence' && (
          step.admins!.length === 0 ? (
            <p class="hint warning-text">Each enterprise admin does this on their own account: add the admins above to tick it for each.</p>
          ) : (
            <ul class="admin-ticks" aria-label={`${step.title}: per admin`}>
              {step.admins!.map((tick) => {
                const tickId = `${id}-${tick.admin}`;
                return (
                  <li key={tick.admin}>
                    <input id={tickId} type="checkbox" checked={tick.done} onChange={(e) => onTick(adminTickKey(step.id, tick.admin), e.currentTarget.checked)} />
                    <label for={tickId}>
                      {tick.admin}
                      {tick.done && tick.at ? <span class="muted"> · {day(tick.at)}</span> : null}
                    </label>
                  </li>
                );
              })}
            </ul>
          )
        )}
      </div>
    </li>
  );
}

/** The service's procedure in order: the steps that apply to this setup, each ticked from evidence or by hand. */
export function RolloutChecklist(props: RolloutChecklistProps) {
  const { checklist, manual, choices, evidence, admins = [], onTick, onChoices, onAdmins, idPrefix } = props;
  const progress = rolloutProgress(checklist, { manual, choices, evidence, admins });
  return (
    <div class="rollout-checklist">
      {onChoices && onAdmins && <SetupChoices choices={choices} onChoices={onChoices} admins={admins} onAdmins={onAdmins} idPrefix={idPrefix} />}
      <p class="hint" role="status">
        {progress.doneCount} of {progress.total} steps done{progress.next ? `. Next: ${progress.next.title}` : '. All done.'}
      </p>
      <ol class="checklist">
        {progress.steps.map((step) => (
          <StepItem key={step.id} step={step} isNext={step === progress.next} idPrefix={idPrefix} onTick={onTick} />
        ))}
      </ol>
    </div>
  );
}
