import type { ProtocolId } from '../protocols/types';
import type { Rule } from './types';

/** A rule file's object; `protocols` defaults to SAML, the protocol most rules are about. */
export type RuleDefinition<P extends ProtocolId> = Omit<Rule<P>, 'protocols'> & { protocols?: readonly P[] };

/** Gives a rule file its type (like ESLint's rule objects). */
export function defineRule<P extends ProtocolId = 'saml'>(rule: RuleDefinition<P>): Rule<P> {
  return { ...rule, protocols: rule.protocols ?? (['saml'] as unknown as readonly P[]) };
}

/** Where each rule is explained: the generated reference page (docs/rules.md), anchored by rule id. */
export function ruleReference(id: string): string {
  return `docs/rules.md#${id}`;
}
