import type { Protocol } from '../protocols/types';
import { buildSamlFlows } from './build-flows';
import { samlDetector } from './detect';
import { readExchange } from './read-message';
import type { SamlMessage } from './types';

/** SAML 2.0 in the registry: SAMLRequest / SAMLResponse / SAMLart fields of any binding. */
export const saml: Protocol<SamlMessage> = {
  ...samlDetector,
  id: 'saml',
  label: 'SAML',
  read: readExchange,
  buildFlows: buildSamlFlows,
  urlsOf: (m) => [m.destination, m.request?.acsUrl, m.url],
};
