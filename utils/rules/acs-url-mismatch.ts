import { acsFix } from './support/acs-settings';
import { defineRule } from './define-rule';
import { SPEC, ENTRA, OKTA } from './support/docs-links';
import { deliveredTo, describeDifference, sameEndpoint } from './support/transport';

export default defineRule({
  id: 'acs-url-mismatch',
  severity: 'error',
  title: 'Response sent to another ACS than the AuthnRequest asked for',
  description:
    'The AuthnRequest named an AssertionConsumerServiceURL, and the IdP delivered the Response elsewhere: the IdP is configured with another reply URL than the SP uses (often a second environment, an old host name, or http vs https).',
  docs: SPEC.core,
  fix: acsFix(undefined, 'ACS URL'),
  appliesTo: ['Response'],
  check({ message, request }) {
    const asked = request?.kind === 'AuthnRequest' ? request.request?.acsUrl?.trim() : undefined;
    const to = deliveredTo(message);
    if (!asked || !to || sameEndpoint(asked, to)) return [];
    const diff = describeDifference(asked, to);
    const fix = acsFix(asked, 'ACS URL');
    fix.entra += ` Entra ID uses a Reply URL from the request only when it is in that list; otherwise it sends to the Default one (${ENTRA.basicSaml}).`;
    fix.okta += ` Or tick "Allow this app to request other SSO URLs" and list ${asked} under "Other Requestable SSO URLs" (${OKTA.samlSettings}).`;
    return [
      {
        message: `The AuthnRequest asked for the Response at ${asked} (AssertionConsumerServiceURL) but the IdP sent it to ${to}${diff ? ` (${diff})` : ''}.`,
        evidence: { path: 'AuthnRequest/@AssertionConsumerServiceURL', value: asked, postedTo: to },
        fix,
      },
    ];
  },
});
