// Command line for support staff: analyze a customer's HAR / SAML-tracer export / raw SAML message.
// Exit codes: 0 no error-severity finding, 1 at least one, 2 could not run (reason on stderr).
import { readFileSync } from 'node:fs';
import { runCli } from './run-cli';

const result = runCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path === '-' ? 0 : path),
  color: !!process.stdout.isTTY && !process.env.NO_COLOR,
});
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.code;
