// `sso-lens`: the command line for support staff, bundled into one file (npm run build:cli, cli/launch.ts).
// Exit codes: 0 no error-severity finding, 1 at least one, 2 could not run (reason on stderr).
import { start } from './start';

void start(process.argv.slice(2));
