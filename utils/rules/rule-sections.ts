import { ATTRIBUTE_RULES } from './attribute-rules';
import { TRUST_RULES } from './index';
import { PROTOCOL_RULES } from './protocol-rules';
import type { RuleSection } from './render-rules-doc';

/** The registry as the reference page groups it. */
export const RULE_SECTIONS: readonly RuleSection[] = [
  { title: 'Protocol and flow rules', rules: PROTOCOL_RULES },
  { title: 'Signature, certificate and metadata rules', rules: TRUST_RULES },
  { title: 'Attribute and group rules', rules: ATTRIBUTE_RULES },
];
