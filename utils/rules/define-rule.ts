import type { Rule } from './types';

/** Identity function that gives a rule file its type (like ESLint's rule objects). */
export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Where each rule is explained: the generated reference page (docs/rules.md), anchored by rule id. */
export function ruleReference(id: string): string {
  return `docs/rules.md#${id}`;
}
