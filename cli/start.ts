// Runs a command with the process's arguments, streams and exit code.
import { version } from '../package.json';
import { crash, main } from './main';

/** `cwd`: where relative paths start (the caller's directory). */
export async function start(argv: string[], cwd = process.cwd()): Promise<void> {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  const result = await main(argv, {
    cwd,
    color: !!process.stdout.isTTY && !process.env.NO_COLOR,
    stdin: () => process.stdin,
    version,
  }).catch((e: unknown) => crash(e, argv.includes('--debug')));
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
