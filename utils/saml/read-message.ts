import type { HarEntry } from '../har/types';
import { decodeSamlValue } from './decode';
import type { SamlFields } from './detect';
import { isKnownKind, readMessage } from './model';
import { parseXml } from './parse';
import type { SamlMessage } from './types';

/** Turn one detected SAML field of an exchange into a typed message; failures become `problem`, never throws. */
export function readSamlMessage(
  field: SamlFields['messages'][number],
  fields: SamlFields,
  entry: HarEntry,
  exchangeIndex: number,
): SamlMessage {
  const message: SamlMessage = {
    key: `${exchangeIndex}:${field.param}`,
    kind: 'Unknown',
    binding: field.binding,
    param: field.param,
    exchangeIndex,
    url: entry.request.url,
    method: entry.request.method,
    assertions: [],
    encryptedAssertions: 0,
    raw: field.value,
  };
  if (entry.response?.status) message.httpStatus = entry.response.status;
  if (entry.startedDateTime) message.capturedAt = entry.startedDateTime;
  if (fields.relayState !== undefined) message.relayState = fields.relayState;
  if (field.binding === 'redirect' && (fields.sigAlg !== undefined || fields.signature !== undefined)) {
    message.redirectSignature = {};
    if (fields.sigAlg !== undefined) message.redirectSignature.sigAlg = fields.sigAlg;
    if (fields.signature !== undefined) message.redirectSignature.signature = fields.signature;
  }

  if (field.param === 'SAMLart') {
    message.kind = 'Artifact';
    message.artifact = field.value;
    return message;
  }

  const decoded = decodeSamlValue(field.value, field.binding);
  if (!decoded.ok) {
    message.problem = fields.truncated
      ? { ...decoded.problem, detail: `${decoded.problem.detail} (the captured body was cut short)` }
      : decoded.problem;
    return message;
  }
  message.xml = decoded.text;
  const parsed = parseXml(decoded.text);
  if (!parsed.ok) {
    message.problem = parsed.problem;
    return message;
  }
  if (!isKnownKind(parsed.rootName)) {
    message.problem = {
      rule: 'decode-failed',
      stage: 'not-saml',
      detail: `the ${field.param} field holds XML whose root element is <${parsed.rootName}>, not a SAML 2.0 protocol message`,
    };
    return message;
  }
  message.kind = parsed.rootName;
  Object.assign(message, readMessage(parsed.rootName, parsed.root));
  return message;
}
