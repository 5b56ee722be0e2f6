import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleReference } from '../../utils/rules/define-rule';
import { RULE_SECTIONS, RULES } from '../../utils/rules/index';
import { renderRulesDoc } from '../../utils/rules/support/render-rules-doc';

const root = new URL('../../', import.meta.url);
const doc = () => readFileSync(new URL('docs/rules.md', root), 'utf8');

describe('rule reference (docs/rules.md)', () => {
  it('is up to date with the registry (run `npm run docs:rules` after adding or changing a rule)', () => {
    // Compared as a boolean first so the failure says what to do rather than dumping two long pages.
    const fresh = renderRulesDoc(RULE_SECTIONS);
    expect(doc() === fresh, 'docs/rules.md is out of date: run `npm run docs:rules`').toBe(true);
  });

  it('has an entry for every rule, where each finding\'s reference points', () => {
    const anchors = new Set([...doc().matchAll(/^#{2,3} (\S+)$/gm)].map((m) => m[1]));
    for (const rule of RULES) expect(anchors, `no entry for ${rule.id}`).toContain(ruleReference(rule.id).split('#')[1]);
  });

  it('the sections hold every registered rule once', () => {
    expect(RULE_SECTIONS.flatMap((s) => s.rules)).toEqual([...RULES]);
  });
});

describe('rule registry', () => {
  // Like ESLint's lib/rules: the folder's top level is the rules themselves (with their tests), the registry and
  // the rule type; shared code lives in support/.
  it('the top of utils/rules/ holds only rules, their tests, the registry and the rule type', () => {
    const ids = new Set(RULES.map((r) => r.id));
    const framework = new Set(['index.ts', 'types.ts', 'define-rule.ts']);
    const strays = readdirSync(new URL('utils/rules/', root), { withFileTypes: true })
      .filter((e) => e.isFile() && !framework.has(e.name) && !ids.has(e.name.replace(/(\.test)?\.tsx?$/, '')))
      .map((e) => e.name);
    expect(strays, 'move shared code to utils/rules/support/ (or register the rule in utils/rules/index.ts)').toEqual([]);
  });

  it('ids are unique', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has a stable id, a severity, a title, a description and an https docs link', () => {
        expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(['error', 'warning', 'info']).toContain(rule.severity);
        expect(rule.title.trim()).not.toBe('');
        expect(rule.description.trim().length).toBeGreaterThan(20);
        expect(new URL(rule.docs).protocol).toBe('https:');
        expect(rule.appliesTo.length).toBeGreaterThan(0);
      });

      it('lives in its own file with its test beside it', () => {
        expect(existsSync(new URL(`utils/rules/${rule.id}.ts`, root)), `utils/rules/${rule.id}.ts`).toBe(true);
        expect(existsSync(new URL(`utils/rules/${rule.id}.test.ts`, root)), `utils/rules/${rule.id}.test.ts`).toBe(true);
      });
    });
  }
});

describe('renderRulesDoc', () => {
  it('renders rule text as text: no HTML tag or entity survives, and table cells stay cells', () => {
    const md = renderRulesDoc([
      {
        title: 'Test',
        rules: [
          {
            id: 'made-up',
            severity: 'warning',
            title: 'A | B <b>bold</b>',
            description: 'Uses &amp; and <script>x</script>\nacross lines.',
            docs: 'https://example.com/doc',
            fix: { generic: 'Apps > your app', okta: 'Okta <i>x</i>' },
            protocols: ['saml'],
            appliesTo: ['Response'],
            check: () => [],
          },
        ],
      },
    ]);
    expect(md).not.toMatch(/<(b|i|script)>/);
    expect(md).toContain('| [made-up](#made-up) | warning | A \\| B &lt;b>bold&lt;/b> |');
    expect(md).toContain('Uses &amp;amp; and &lt;script>x&lt;/script> across lines.');
    expect(md).toContain('- Any IdP: Apps > your app');
    expect(md).toContain('- Okta: Okta &lt;i>x&lt;/i>');
    expect(md).not.toContain('- Microsoft Entra ID');
  });
});
