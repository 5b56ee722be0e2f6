// `npm run analyze -- …`: the same command as `sso-lens analyze …`, run from the sources.
import { start } from './start';

// npm runs scripts from the package root; INIT_CWD is where the user typed the command.
await start(['analyze', ...process.argv.slice(2)], process.env.INIT_CWD || process.cwd());
