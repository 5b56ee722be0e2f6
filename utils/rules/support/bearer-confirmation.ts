import type { Assertion, SamlMessage, SubjectConfirmation } from '../../saml/types';
import { CM_BEARER } from './saml-uris';

/** The bearer SubjectConfirmations of an assertion: the ones Web Browser SSO relies on (profiles §4.1.4.2). */
export function bearerConfirmations(assertion: Assertion): SubjectConfirmation[] {
  return assertion.subject.confirmations.filter((c) => c.method?.trim() === CM_BEARER);
}

/** How a message names one of its assertions: "the assertion", or "assertion 2 of 3" when there are several. */
export function assertionLabel(message: Pick<SamlMessage, 'assertions'>, index: number): string {
  return message.assertions.length > 1 ? `assertion ${index + 1} of ${message.assertions.length}` : 'the assertion';
}

/** The element path of an assertion, numbered when the Response holds several. */
export function assertionPath(message: Pick<SamlMessage, 'assertions'>, index: number): string {
  return message.assertions.length > 1 ? `Response/Assertion[${index + 1}]` : 'Response/Assertion';
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
