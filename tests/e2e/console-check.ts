import { expect, it } from 'vitest';
import type { ExtensionBrowser } from './harness/harness';

/**
 * The last test of a scenario file: nothing the add-on's pages did in it logged an error or a warning (or threw).
 * `browsers` returns every browser the file started, closed ones included (their problems were kept).
 */
export function itLogsNoConsoleProblem(browsers: () => Array<ExtensionBrowser | undefined>) {
  it("logs no console error or warning from the add-on's pages", () => {
    const problems = browsers().flatMap((b) => b?.consoleProblems() ?? []);
    expect(problems).toEqual([]);
  });
}
