import { parseArgs } from 'node:util';
import { redactInput } from '../utils/redact/redact-input';
import { summaryItems } from '../utils/redact/summary';
import type { CliResult } from './run-cli';

export const REDACT_USAGE = 'usage: npm run --silent redact -- [--replace-groups] FILE (- reads stdin) > redacted.har';

export interface RedactIo {
  readFile(path: string): string;
}

/**
 * `redact FILE`: the redacted HAR on stdout, what was replaced (by kind and count) on stderr. Exit 0, or 2
 * with a one-line reason when it could not run. The same redaction as the panel's "Export HAR".
 */
export function runRedact(argv: string[], io: RedactIo): CliResult {
  const fail = (reason: string): CliResult => ({ code: 2, stdout: '', stderr: `sso-lens redact: ${reason}\n` });
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { 'replace-groups': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    return fail(`${(e as Error).message} (${REDACT_USAGE})`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { code: 0, stdout: `${REDACT_USAGE}\n`, stderr: '' };
  if (positionals.length !== 1) return fail(`give exactly one input file (${REDACT_USAGE})`);
  const file = positionals[0]!;
  const label = file === '-' ? 'stdin' : file;
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    return fail(`cannot read ${label}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let result;
  try {
    result = redactInput(text, { replaceGroups: values['replace-groups'] ?? false });
  } catch (e) {
    return fail(`${label}: ${(e as Error).message}`);
  }
  const items = summaryItems(result.summary);
  const width = Math.max(0, ...items.map(([n]) => String(n).length));
  const lines = items.map(([n, name]) => `  ${String(n).padStart(width)} ${name}`);
  const head = `Redacted ${result.har.log.entries.length} entries of ${label}${items.length ? ':' : ': nothing to replace was found.'}`;
  return { code: 0, stdout: `${JSON.stringify(result.har, null, 2)}\n`, stderr: `${[head, ...lines].join('\n')}\n` };
}
