import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readVerdict, toVerdict } from './verdict';

describe('tab verdict', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads what the recorder wrote for the tab', async () => {
    const verdict = { worst: 'error', topFinding: { rule: 'audience-mismatch', severity: 'error', message: 'Wrong audience' }, at: '2025-03-01T00:00:00Z', flows: 2 };
    await fakeBrowser.storage.session.set({ 'verdict:7': verdict });
    expect(await readVerdict(7)).toEqual(verdict);
    expect(await readVerdict(8)).toBeUndefined();
  });

  it('ignores a malformed value', () => {
    expect(toVerdict({ worst: 'fatal', at: 'x', flows: 1 })).toBeUndefined();
    expect(toVerdict({ worst: 'ok', at: 'x' })).toBeUndefined();
    expect(toVerdict({ worst: 'ok', at: 'x', flows: 1, topFinding: { rule: 1 } })).toEqual({ worst: 'ok', at: 'x', flows: 1 });
  });
});
