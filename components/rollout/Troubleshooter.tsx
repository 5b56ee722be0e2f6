import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { answer, back, walk, type Answers, type Cause } from '@/utils/troubleshoot/troubleshooter';

export interface TroubleshooterProps<F> {
  title: string;
  causes: readonly Cause<F>[];
  facts: F;
  /** What SSO Lens can take as input before the questions (e.g. the link the user used). */
  inputs?: ComponentChildren;
  /** What to collect for support when no cause explains the failure. */
  support: ComponentChildren;
}

/** A guided walk over a service's documented causes, one question at a time; the logic is utils/troubleshoot. */
export function Troubleshooter<F>({ title, causes, facts, inputs, support }: TroubleshooterProps<F>) {
  const [answers, setAnswers] = useState<Answers>([]);
  const step = walk(causes, facts, answers);
  const heading = useRef<HTMLHeadingElement>(null);
  const stepKey = step.kind === 'question' ? step.key : step.kind === 'found' ? `found:${step.cause.id}` : 'support';
  const first = useRef(true);
  useEffect(() => {
    // Keyboard and screen-reader users land on the new question or answer, not at the top of the popup.
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [stepKey]);

  const checked = step.ruledOut.length > 0 && (
    <details class="ruled-out">
      <summary>Checked so far ({step.ruledOut.length})</summary>
      <ul>
        {step.ruledOut.map((r) => (
          <li key={r.causeId}>
            <strong>{r.title}</strong>: <span class="muted">{r.by === 'evidence' ? `SSO Lens saw: ${r.detail}` : r.detail}</span>
          </li>
        ))}
      </ul>
    </details>
  );

  return (
    <section class="troubleshooter" aria-label={title}>
      {inputs}
      {step.kind === 'question' && (
        <div class="ts-step">
          <p class="hint muted">
            Cause {step.position} of {step.of}: {step.cause.title}
          </p>
          <h3 ref={heading} tabIndex={-1}>
            {step.question.text}
          </h3>
          <div class="row">
            <button type="button" onClick={() => setAnswers(answer(answers, step.key, 'yes'))}>
              Yes
            </button>
            <button type="button" onClick={() => setAnswers(answer(answers, step.key, 'no'))}>
              No
            </button>
            {answers.length > 0 && (
              <button type="button" class="link" onClick={() => setAnswers(back(answers))}>
                Back
              </button>
            )}
          </div>
        </div>
      )}
      {step.kind === 'found' && (
        <div class="ts-step ts-found" role="status">
          <h3 ref={heading} tabIndex={-1}>
            Likely cause: {step.cause.title}
          </h3>
          <p class="hint">{step.by === 'evidence' ? `SSO Lens saw: ${step.detail}` : step.detail}</p>
          <p>
            <strong>Fix:</strong> {step.cause.fix}{' '}
            <a href={step.cause.docs} target="_blank" rel="noreferrer">
              Docs
            </a>
          </p>
        </div>
      )}
      {step.kind === 'support' && (
        <div class="ts-step" role="status">
          <h3 ref={heading} tabIndex={-1}>
            No documented cause explains it: collect this for support
          </h3>
          {support}
        </div>
      )}
      {step.kind !== 'question' && answers.length > 0 && (
        <div class="row">
          <button type="button" class="link" onClick={() => setAnswers(back(answers))}>
            Back
          </button>
          <button type="button" class="link" onClick={() => setAnswers([])}>
            Start over
          </button>
        </div>
      )}
      {checked}
    </section>
  );
}
