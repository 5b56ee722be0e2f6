import { readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Analysis } from '../utils/analyze';
import { analyzeWithTrust } from '../utils/analyze-with-trust';
import type { InputFormat } from '../utils/har/read-message-input';
import type { HarEntry } from '../utils/har/types';
import { batchReport, type BatchItem } from './format-batch';
import { toHtmlReport } from './format-html';
import { toMarkdownReport } from './format-markdown';
import { COLORS, PLAIN, toJsonReport, toTextReport } from './format-report';
import { commandHelp, parseOptions, type Settings } from './options';
import { InputError, readInput, resolveInputs, type InputRef } from './read-input';
import { buildReport } from './report-model';
import { valueScrubber } from './scrub-values';

export interface CliIo {
  /** Where relative paths start: the caller's directory (INIT_CWD under npm). Default: the process's. */
  cwd?: string;
  /** Colour the text report (stdout is a terminal and NO_COLOR is unset). */
  color: boolean;
  /** Standard input, for the input `-`. */
  stdin?: () => AsyncIterable<Uint8Array>;
}

export interface CliResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

const FORMAT_NAME: Record<InputFormat, string> = {
  har: 'HAR',
  'saml-tracer': 'SAML-tracer export',
  xml: 'SAML XML',
  base64: 'base64 message',
  url: 'URL',
  form: 'form body',
  query: 'query string',
};

export const fail = (reason: string): CliResult => ({ code: 2, stdout: '', stderr: `sso-lens: ${reason}\n` });

const noStdin = () => {
  throw new InputError('Standard input is not available here.');
};

/** `sso-lens analyze …` (and `npm run analyze -- …`), without process globals, so tests run it in-process. */
export async function runCli(argv: string[], io: CliIo): Promise<CliResult> {
  const cwd = io.cwd ?? process.cwd();
  const path = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  const parsed = parseOptions('analyze', argv, { readText: (p) => readFileSync(path(p), 'utf8') });
  if (typeof parsed === 'string') return fail(`${parsed}\nRun \`sso-lens analyze --help\` for the options.`);
  const { settings, inputs } = parsed;
  if (settings.help) return { code: 0, stdout: commandHelp('analyze'), stderr: '' };
  if (!inputs.length) return fail('No input given: name a HAR file, a SAML message file, a folder, or - for standard input.\nRun `sso-lens analyze --help` for the options.');

  let refs: InputRef[];
  let folder: boolean;
  try {
    ({ inputs: refs, folder } = resolveInputs(inputs, cwd));
  } catch (e) {
    if (e instanceof InputError) return fail(e.message);
    throw e;
  }
  const stdin = io.stdin ?? noStdin;
  const color = io.color && settings.color !== false;

  let result: CliResult;
  if (folder || settings.batch) {
    const items: BatchItem[] = [];
    for (const ref of refs) {
      try {
        const read = await readInput(ref, stdin);
        const analysis = await analyzeWithTrust(read.entries, settings.analyze);
        items.push({ file: ref.label, analysis, format: FORMAT_NAME[read.format], model: buildReport(analysis, [ref.label]) });
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        items.push({ file: ref.label, error: e.message });
      }
    }
    const batch = batchReport(items, settings.format, color ? COLORS : PLAIN);
    result = { code: batch.code, stdout: batch.text, stderr: '' };
  } else {
    const entries: HarEntry[] = [];
    const formats = new Set<string>();
    for (const ref of refs) {
      try {
        const read = await readInput(ref, stdin);
        // Flows may span files (a request in one capture, the response in another): one analysis for all.
        for (const entry of read.entries) entries.push(entry);
        formats.add(FORMAT_NAME[read.format]);
      } catch (e) {
        if (e instanceof InputError) return fail(e.message);
        throw e;
      }
    }
    const analysis = await analyzeWithTrust(entries, settings.analyze);
    const code = analysis.findings.some((f) => f.severity === 'error') ? 1 : 0;
    result = { code, stdout: formatOne(analysis, refs.map((r) => r.label), [...formats].join(', '), settings, color), stderr: '' };
  }

  if (settings.output) {
    try {
      writeFileSync(path(settings.output), result.stdout);
    } catch (e) {
      return fail(`Cannot write ${settings.output}: ${(e as Error).message}`);
    }
    return { ...result, stdout: '' };
  }
  return result;
}

export function formatOne(analysis: Analysis, files: string[], formats: string, settings: Settings, color: boolean): string {
  if (settings.format === 'json') return `${JSON.stringify(toJsonReport(analysis, files), null, 2)}\n`;
  const model = buildReport(analysis, files);
  if (settings.format === 'text') return toTextReport(analysis, color ? COLORS : PLAIN, model);
  const scrub = settings.redact ? valueScrubber(analysis.messages) : (s: string) => s;
  return settings.format === 'markdown'
    ? toMarkdownReport(model, scrub, settings.redact, formats)
    : toHtmlReport(model, scrub, settings.redact, formats);
}
