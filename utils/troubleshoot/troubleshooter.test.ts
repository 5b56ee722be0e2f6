import { describe, expect, it } from 'vitest';
import { answer, back, walk, type Cause } from './troubleshooter';

interface Facts {
  broken?: boolean;
  throws?: boolean;
}

const causes: Cause<Facts>[] = [
  {
    id: 'first',
    title: 'First',
    fix: 'Fix the first.',
    docs: 'https://example.com/first',
    check: (f) => {
      if (f.throws) throw new Error('odd data');
      return f.broken ? { status: 'found', detail: 'seen' } : { status: 'unknown' };
    },
    questions: [{ text: 'Is the first fine?', yes: 'ruled-out', no: 'found' }],
  },
  { id: 'second', title: 'Second', fix: 'Fix the second.', docs: 'https://example.com/second', questions: [{ text: 'Second?', yes: 'found', no: 'ruled-out' }] },
];

describe('walk', () => {
  it('asks, records answers (a new answer replaces the old) and goes back', () => {
    let answers = answer([], 'first#0', 'no');
    expect(walk(causes, {}, answers)).toMatchObject({ kind: 'found', cause: { id: 'first' } });
    answers = answer(answers, 'first#0', 'yes');
    expect(answers).toEqual([['first#0', 'yes']]);
    expect(walk(causes, {}, answers)).toMatchObject({ kind: 'question', cause: { id: 'second' }, position: 2, of: 2 });
    expect(walk(causes, {}, back(answers))).toMatchObject({ kind: 'question', cause: { id: 'first' }, position: 1 });
  });

  it('a failing check asks instead of ending the walk', () => {
    expect(walk(causes, { throws: true })).toMatchObject({ kind: 'question', cause: { id: 'first' } });
  });

  it('evidence answers at once', () => {
    expect(walk(causes, { broken: true })).toMatchObject({ kind: 'found', by: 'evidence', detail: 'seen' });
  });
});
