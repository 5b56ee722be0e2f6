// Writes docs/checklists.md from the typed rollout texts: `npm run docs:checklists`. tests/unit/checklists-doc.test.ts fails when it is stale.
import { writeFileSync } from 'node:fs';
import { renderChecklistsDoc } from '../utils/checklist/render-checklists-doc';
import { CHECKLISTS, TROUBLESHOOTERS } from '../utils/checklist/rollout-texts';

writeFileSync(new URL('../docs/checklists.md', import.meta.url), renderChecklistsDoc(CHECKLISTS, TROUBLESHOOTERS));
const steps = CHECKLISTS.reduce((n, c) => n + c.steps.length, 0);
const causes = TROUBLESHOOTERS.reduce((n, t) => n + t.causes.length, 0);
process.stdout.write(`docs/checklists.md: ${steps} steps, ${causes} causes\n`);
