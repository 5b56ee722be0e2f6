import { assertionLabel, assertionPath, capitalize } from './support/bearer-confirmation';
import { defineRule } from './define-rule';
import { SPEC, ENTRA, OKTA } from './support/docs-links';
import type { Fix, Hit } from './types';

const fix = (entityId: string): Fix => ({
  generic: `Set the SP entity ID (audience) in the IdP to ${entityId}, exactly: it is compared as a string, so a trailing slash or letter case matters.`,
  entra: `In ${ENTRA.basicSaml}, set "Identifier (Entity ID)" to ${entityId} and mark it Default.`,
  okta: `In ${OKTA.samlSettings}, set "Audience URI (SP Entity ID)" to ${entityId}.`,
});
const SP_ENTITY_ID = "the SP's entity ID (its SAML metadata's entityID, or the Issuer of its AuthnRequest)";

function nearMiss(audience: string, entityId: string): string | undefined {
  const bare = (s: string) => s.trim().replace(/\/+$/, '');
  if (audience !== audience.trim()) return 'it has surrounding spaces';
  if (bare(audience) === bare(entityId)) return 'only a trailing slash differs';
  if (audience.toLowerCase() === entityId.toLowerCase()) return 'only letter case differs';
  return undefined;
}

export default defineRule({
  id: 'audience-mismatch',
  severity: 'error',
  title: 'Assertion audience is not this SP',
  description:
    "No Audience in the assertion's AudienceRestriction equals the SP's entity ID (read from the AuthnRequest's Issuer, or given by the user). The SP rejects an assertion meant for someone else; usually the IdP's Identifier / Audience URI is mistyped or belongs to another app.",
  docs: SPEC.core,
  fix: fix(SP_ENTITY_ID),
  appliesTo: ['Response'],
  check({ message, request, spEntityId }) {
    const entityId = spEntityId ?? (request?.kind === 'AuthnRequest' ? request.issuer : undefined);
    if (!entityId) return [];
    const source = spEntityId ? 'as given' : "from the AuthnRequest's Issuer";
    const hits: Hit[] = [];
    message.assertions.forEach((a, i) => {
      const audiences = a.conditions?.audiences ?? [];
      // No AudienceRestriction restricts nothing (SAML core §2.5.1.4).
      if (!audiences.length || audiences.includes(entityId)) return;
      const near = audiences.map((x) => nearMiss(x, entityId)).find(Boolean);
      const list = audiences.map((x) => `"${x}"`).join(', ');
      hits.push({
        message: `${capitalize(assertionLabel(message, i))} is for audience ${list}, but the SP's entity ID is "${entityId}" (${source})${near ? `: ${near}` : ''}.`,
        evidence: { path: `${assertionPath(message, i)}/Conditions/AudienceRestriction/Audience`, value: audiences.join(', '), expected: entityId },
        fix: fix(entityId),
      });
    });
    return hits;
  },
});
