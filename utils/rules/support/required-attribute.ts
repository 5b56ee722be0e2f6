import { attributeNames, attributePath, findField, lookedFor, mappingMismatch, mismatchHit, readableAssertion, type AttributeField } from './attribute-lookup';
import type { Fix, Hit, RuleContext } from '../types';

/** The shared check of `login-attribute-missing` and `name-attribute-missing`: required by the profile, absent or empty. */
export function checkRequiredAttribute({ message, profile }: RuleContext, field: AttributeField, fix: Fix): Hit[] {
  if (!profile.checks.attributes || !profile.requiredAttributes.includes(field)) return [];
  const assertion = readableAssertion(message);
  if (!assertion) return [];
  const mismatch = mappingMismatch(assertion, profile, field);
  if (mismatch) return [mismatchHit(profile, field, mismatch)];
  const found = findField(assertion, profile, field);
  if (found?.values.length) return [];
  if (found) {
    const name = found.attribute.name;
    return [
      {
        message: `The ${field} attribute "${name}" is present but empty; ${profile.label} requires a ${field}.`,
        evidence: { path: attributePath(name), value: '', attribute: name },
        fix,
      },
    ];
  }
  return [
    {
      message: `No ${field} attribute: ${profile.label} requires one. Looked for ${lookedFor(profile, field)}; the assertion has ${
        assertion.attributes.length ? attributeNames(assertion).map((n) => `"${n}"`).join(', ') : 'no attributes'
      }.`,
      evidence: { path: 'Assertion/AttributeStatement', value: attributeNames(assertion).join(', ') || '(no attributes)', field },
      fix,
    },
  ];
}
