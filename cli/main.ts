import { writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { commandHelp, mainHelp, parseOptions } from './options';
import { InputError, readInput, resolveInputs } from './read-input';
import { redactedHar } from './redact-command';
import { fail, runCli, type CliIo, type CliResult } from './run-cli';

export interface MainIo extends CliIo {
  version: string;
}

/** `sso-lens <command> …`. Never throws: a crash is a bug, reported on one line (with its stack under --debug). */
export async function main(argv: string[], io: MainIo): Promise<CliResult> {
  const debug = argv.includes('--debug');
  try {
    const [command, ...rest] = argv;
    if (command === undefined) return { code: 2, stdout: '', stderr: mainHelp(io.version) };
    if (command === '--help' || command === '-h' || command === 'help') {
      const topic = rest[0];
      if (topic === 'analyze' || topic === 'redact') return { code: 0, stdout: commandHelp(topic), stderr: '' };
      return { code: 0, stdout: mainHelp(io.version), stderr: '' };
    }
    if (command === '--version' || command === '-V') return { code: 0, stdout: `${io.version}\n`, stderr: '' };
    if (command === 'analyze') return await runCli(rest, io);
    if (command === 'redact') return await runRedact(rest, io);
    const hint = command.startsWith('-') ? 'sso-lens analyze --help' : `sso-lens analyze ${command}`;
    return fail(`Unknown command "${command}": the commands are analyze and redact (did you mean \`${hint}\`?).`);
  } catch (e) {
    return crash(e, debug);
  }
}

export function crash(e: unknown, debug: boolean): CliResult {
  const message = e instanceof Error ? e.message : String(e);
  const first = message.split('\n')[0];
  const detail = debug && e instanceof Error && e.stack ? `${e.stack}\n` : '';
  const hint = debug ? 'Please report it with the stack below.' : 'Please report it; run again with --debug for the details.';
  return { code: 2, stdout: '', stderr: `sso-lens: unexpected error (a bug in SSO Lens): ${first}. ${hint}\n${detail}` };
}

async function runRedact(argv: string[], io: CliIo): Promise<CliResult> {
  const cwd = io.cwd ?? process.cwd();
  const parsed = parseOptions('redact', argv, { readText: () => '' });
  if (typeof parsed === 'string') return fail(`${parsed}\nRun \`sso-lens redact --help\` for the options.`);
  const { settings, inputs } = parsed;
  if (settings.help) return { code: 0, stdout: commandHelp('redact'), stderr: '' };
  if (inputs.length !== 1) return fail('Name one input to redact (a HAR file, a SAML message file, or - for standard input).');
  try {
    const { inputs: refs } = resolveInputs(inputs, cwd);
    if (refs.length !== 1) return fail(`${inputs[0]} is a folder: name one file to redact.`);
    const read = await readInput(refs[0]!, io.stdin ?? (() => process.stdin), { slim: false });
    const har = redactedHar(read.entries, (io as Partial<MainIo>).version ?? '');
    if (!settings.output) return { code: 0, stdout: har, stderr: '' };
    writeFileSync(isAbsolute(settings.output) ? settings.output : resolve(cwd, settings.output), har);
    return { code: 0, stdout: '', stderr: '' };
  } catch (e) {
    if (e instanceof InputError) return fail(e.message);
    throw e;
  }
}
