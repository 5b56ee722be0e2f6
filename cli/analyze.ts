// `npm run analyze -- …`: the same command as `sso-lens analyze …`, run from the sources.
import { start } from './start';

await start(['analyze', ...process.argv.slice(2)]);
