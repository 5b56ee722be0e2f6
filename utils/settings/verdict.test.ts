import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readVerdict, removeVerdicts, toVerdict, writeVerdict, type TabVerdict } from './verdict';

describe('tab verdict', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads what was kept for the tab', async () => {
    const verdict = { worst: 'error', topFinding: { rule: 'audience-mismatch', severity: 'error', message: 'Wrong audience' }, at: '2025-03-01T00:00:00Z', flows: 2 };
    await fakeBrowser.storage.session.set({ 'verdict:7': verdict });
    expect(await readVerdict(7)).toEqual(verdict);
    expect(await readVerdict(8)).toBeUndefined();
  });

  it('ignores a malformed value', () => {
    expect(toVerdict({ worst: 'fatal', at: 'x', flows: 1 })).toBeUndefined();
    expect(toVerdict({ worst: 'ok', at: 'x' })).toBeUndefined();
    expect(toVerdict({ worst: 'ok', at: 'x', flows: 1, topFinding: { rule: 1 } })).toEqual({ worst: 'ok', at: 'x', flows: 1 });
    expect(toVerdict({ worst: 'ok', at: 'x', flows: 1, captureSeq: '3' })).toEqual({ worst: 'ok', at: 'x', flows: 1 });
    // The rules the troubleshooter reads: well-formed ones only, and only their id and severity.
    expect(toVerdict({ worst: 'error', at: 'x', flows: 1, rules: [{ id: 'acs-forbidden', severity: 'error', extra: 1 }, { id: 3 }, 'x'] })).toEqual({
      worst: 'error',
      at: 'x',
      flows: 1,
      rules: [{ id: 'acs-forbidden', severity: 'error' }],
    });
  });

  it('keeps verdicts in session storage only, and removes them by tab', async () => {
    const verdict: TabVerdict = { worst: 'warning', at: '2025-03-01T00:00:00Z', flows: 1, host: 'sonarcloud.io', captureSeq: 4 };
    await writeVerdict(12, verdict);
    await writeVerdict(5, { ...verdict, worst: 'ok' });
    expect(await readVerdict(12)).toEqual(verdict);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    await removeVerdicts([12, -1]);
    expect(await readVerdict(12)).toBeUndefined();
    expect((await readVerdict(5))?.worst).toBe('ok');
  });
});
