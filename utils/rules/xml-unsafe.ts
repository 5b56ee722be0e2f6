import { defineRule } from './define-rule';

export default defineRule({
  id: 'xml-unsafe',
  severity: 'error',
  title: 'XML refused: DOCTYPE, entity or excessive nesting',
  description:
    'The decoded message has a DOCTYPE or entity declaration (XXE, entity expansion) or nests elements absurdly deep. SAML messages never need these; SSO Lens refuses to parse them and expands nothing.',
  docs: 'https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html',
  appliesTo: ['Unknown'],
  check({ message }) {
    const p = message.problem;
    if (!p || p.rule !== 'xml-unsafe') return [];
    return [
      {
        message: `The ${message.param} message was refused: ${p.detail}.`,
        evidence: { path: message.param, stage: p.stage },
        fix: {
          generic:
            'A genuine IdP or SP never sends a DOCTYPE in SAML. Treat this exchange as an attack or a broken sender, and do not trust the service that produced it until explained.',
        },
      },
    ];
  },
});
