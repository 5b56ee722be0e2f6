// Writes docs/rules.md from the rule registry: `npm run docs:rules`. tests/unit/rules-doc.test.ts fails when it is stale.
import { writeFileSync } from 'node:fs';
import { renderRulesDoc } from '../utils/rules/support/render-rules-doc';
import { RULE_SECTIONS } from '../utils/rules/index';

const target = new URL('../docs/rules.md', import.meta.url);
const text = renderRulesDoc(RULE_SECTIONS);
writeFileSync(target, text);
const count = RULE_SECTIONS.reduce((n, s) => n + s.rules.length, 0);
process.stdout.write(`docs/rules.md: ${count} rules\n`);
