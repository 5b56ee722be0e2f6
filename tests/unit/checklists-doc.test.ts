import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderChecklistsDoc } from '../../utils/checklist/render-checklists-doc';
import { CHECKLISTS, TROUBLESHOOTERS } from '../../utils/checklist/rollout-texts';

describe('rollout reference (docs/checklists.md)', () => {
  it('is up to date with the typed texts (run `npm run docs:checklists` after changing a step or a cause)', () => {
    const doc = readFileSync(new URL('../../docs/checklists.md', import.meta.url), 'utf8');
    expect(doc === renderChecklistsDoc(CHECKLISTS, TROUBLESHOOTERS), 'docs/checklists.md is out of date: run `npm run docs:checklists`').toBe(true);
  });

  it('lists every step and cause by its id', () => {
    const doc = renderChecklistsDoc(CHECKLISTS, TROUBLESHOOTERS);
    for (const c of CHECKLISTS) for (const s of c.steps) expect(doc).toContain(`\`${s.id}\``);
    for (const t of TROUBLESHOOTERS) for (const c of t.causes) expect(doc).toContain(`\`${c.id}\``);
  });

  it('keeps text from becoming HTML or breaking the list', () => {
    const doc = renderChecklistsDoc(
      [{ service: 'sonarqube-cloud', title: 'T <b>', sources: ['https://example.com'], steps: [{ id: 'x', title: 'A | B', why: 'Uses <script>\nx', where: 'W', docs: 'https://example.com/x' }] }],
      [],
    );
    expect(doc).toContain('## T &lt;b>');
    expect(doc).toContain('**A \\| B**');
    expect(doc).toContain('Why: Uses &lt;script> x');
  });
});
