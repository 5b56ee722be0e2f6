import { defineRule } from './define-rule';

const STAGE: Record<string, string> = {
  size: 'it is too large',
  base64: 'the base64 is invalid',
  inflate: 'the DEFLATE data could not be inflated',
  text: 'the bytes are not text',
  xml: 'the XML is malformed',
  'not-saml': 'it is not SAML',
};

export default defineRule({
  id: 'decode-failed',
  severity: 'error',
  title: 'SAML message could not be read',
  description:
    'A SAMLRequest or SAMLResponse field was present but could not be decoded: bad base64, a broken DEFLATE stream, malformed XML, an oversized body, or a form that reuses the field name for something that is not SAML.',
  docs: 'https://docs.oasis-open.org/security/saml/v2.0/saml-bindings-2.0-os.pdf',
  appliesTo: ['Unknown'],
  check({ message }) {
    const p = message.problem;
    if (!p || p.rule !== 'decode-failed') return [];
    return [
      {
        message: `The ${message.param} field could not be read: ${STAGE[p.stage] ?? p.stage} (${p.detail}).`,
        evidence: { path: message.param, stage: p.stage, value: message.raw.slice(0, 80) },
        fix: {
          generic:
            p.stage === 'not-saml'
              ? 'If this form is not a SAML exchange, ignore it. Otherwise the sender puts something other than a SAML protocol message in the field.'
              : 'Capture the exchange again; if it repeats, the sender (IdP or SP) encodes the message incorrectly: HTTP-POST is base64 of the XML, HTTP-Redirect is base64 of raw DEFLATE.',
        },
      },
    ];
  },
});
