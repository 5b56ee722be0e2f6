// Command line for support staff and admins: redact a HAR (or SAML-tracer export, raw SAML message) before it
// is shared. stdout: the redacted HAR; stderr: what was replaced. Exit codes: 0 done, 2 could not run.
import { readFileSync } from 'node:fs';
import { runRedact } from './run-redact';

const result = runRedact(process.argv.slice(2), {
  readFile: (path) => (path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8')),
});
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.code;
