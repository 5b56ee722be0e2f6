// "Sign-in doesn't work", as a walk over a service's causes in the order its troubleshooting page lists them.
// Each cause is first checked from what SSO Lens knows (a captured sign-in, a pasted link, recorded
// invitations); what it cannot know is asked as yes/no questions. A cause proven by evidence is answered at
// once, ahead of questions about earlier causes: an observed failure beats a guess. The walk is a pure function
// of the facts and the answers so far, so "Back" is dropping the last answer.

export type CheckResult = { status: 'found'; detail: string } | { status: 'ruled-out'; detail: string } | { status: 'unknown' };

/** What an answer means: this cause explains the failure, it does not, or ask the cause's next question. */
export type Outcome = 'found' | 'ruled-out' | 'next';

export interface Question {
  text: string;
  yes: Outcome;
  no: Outcome;
}

export interface Cause<F> {
  /** Stable: answers are keyed by it. */
  id: string;
  title: string;
  /** What to do when this is the cause. */
  fix: string;
  docs: string;
  /** Absent means the cause always applies. */
  applies?(facts: F): boolean;
  /** Absent means SSO Lens cannot tell and asks. */
  check?(facts: F): CheckResult;
  /** Asked in order when the check cannot tell; at least one. */
  questions: readonly Question[];
}

export type Answer = 'yes' | 'no';

/** The answers given so far, in the order given: `causeId#questionIndex`. */
export type Answers = ReadonlyArray<readonly [key: string, answer: Answer]>;

export function questionKey(causeId: string, index: number): string {
  return `${causeId}#${index}`;
}

export interface RuledOut {
  causeId: string;
  title: string;
  /** Why: what SSO Lens saw, or the answer given. */
  detail: string;
  by: 'evidence' | 'answer';
}

export type WalkStep<F> =
  | { kind: 'question'; cause: Cause<F>; question: Question; key: string; ruledOut: RuledOut[]; position: number; of: number }
  | { kind: 'found'; cause: Cause<F>; detail: string; by: 'evidence' | 'answer'; ruledOut: RuledOut[] }
  | { kind: 'support'; ruledOut: RuledOut[] };

function safeCheck<F>(cause: Cause<F>, facts: F): CheckResult {
  try {
    return cause.check?.(facts) ?? { status: 'unknown' };
  } catch {
    // A check over odd captured data must not end the walk: asking is always possible.
    return { status: 'unknown' };
  }
}

/** Where the walk stands, given the facts and the answers so far. */
export function walk<F>(causes: readonly Cause<F>[], facts: F, answers: Answers = []): WalkStep<F> {
  const applicable = causes.filter((c) => c.applies?.(facts) ?? true);
  const checks = applicable.map((c) => safeCheck(c, facts));

  const proven = checks.findIndex((r) => r.status === 'found');
  if (proven >= 0) {
    const ruledOut = applicable.slice(0, proven).flatMap((c, i): RuledOut[] => {
      const r = checks[i]!;
      return r.status === 'ruled-out' ? [{ causeId: c.id, title: c.title, detail: r.detail, by: 'evidence' }] : [];
    });
    return { kind: 'found', cause: applicable[proven]!, detail: (checks[proven] as { detail: string }).detail, by: 'evidence', ruledOut };
  }

  const given = new Map(answers);
  const ruledOut: RuledOut[] = [];
  for (const [i, cause] of applicable.entries()) {
    const result = checks[i]!;
    if (result.status === 'ruled-out') {
      ruledOut.push({ causeId: cause.id, title: cause.title, detail: result.detail, by: 'evidence' });
      continue;
    }
    let settled = false;
    for (const [q, question] of cause.questions.entries()) {
      const key = questionKey(cause.id, q);
      const answer = given.get(key);
      if (!answer) return { kind: 'question', cause, question, key, ruledOut, position: i + 1, of: applicable.length };
      const outcome = question[answer];
      if (outcome === 'found') return { kind: 'found', cause, detail: `You answered “${answer}” to: ${question.text}`, by: 'answer', ruledOut };
      if (outcome === 'ruled-out') {
        ruledOut.push({ causeId: cause.id, title: cause.title, detail: `You answered “${answer}” to: ${question.text}`, by: 'answer' });
        settled = true;
        break;
      }
    }
    // Every question said "next": nothing points at this cause.
    if (!settled) ruledOut.push({ causeId: cause.id, title: cause.title, detail: 'Nothing you answered points at it.', by: 'answer' });
  }
  return { kind: 'support', ruledOut };
}

/** Records an answer, replacing an earlier answer to the same question. */
export function answer(answers: Answers, key: string, value: Answer): Answers {
  return [...answers.filter(([k]) => k !== key), [key, value]];
}

/** Takes back the last answer. */
export function back(answers: Answers): Answers {
  return answers.slice(0, -1);
}
