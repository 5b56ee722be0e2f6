import type { HarEntry, HarPostData } from '../har/types';
import { httpStatusOf } from '../har/http-status';
import { protocolCache, type ReadCache } from '../protocols/read-cache';
import { decodeSamlValue } from './decode';
import { detectSaml, type SamlFields } from './detect';
import { isKnownKind, readMessage } from './model';
import { isSaml1Message, readSaml11Response, readWsFedResult } from './other-protocols';
import { child } from './xml-node';
import { parseXml } from './parse';
import type { SamlMessage } from './types';

type SamlField = SamlFields['messages'][number];

/**
 * What one SAML field says once decoded, parsed and modelled: everything of a message that depends on the field
 * alone, not on the exchange's place in a list (`key`, `exchangeIndex`) nor on its response (`httpStatus`,
 * which the recorder fills in later). Its keys are in the order `readSamlMessage` has always set them.
 */
type FieldContent = Partial<SamlMessage>;

/** Turn one detected SAML field of an exchange into a typed message; failures become `problem`, never throws. */
export function readSamlMessage(field: SamlField, fields: SamlFields, entry: HarEntry, exchangeIndex: number): SamlMessage {
  return assemble(field, fields, entry, exchangeIndex, readField(field, fields));
}

function readField(field: SamlField, fields: SamlFields): FieldContent {
  if (field.param === 'SAMLart') return { kind: 'Artifact', artifact: field.value };

  if (field.param === 'wresult') return readWsFedField(field.value);
  const decoded = decodeSamlValue(field.value, field.binding);
  if (!decoded.ok) {
    return {
      problem: fields.truncated ? { ...decoded.problem, detail: `${decoded.problem.detail} (the captured body was cut short)` } : decoded.problem,
    };
  }
  const parsed = parseXml(decoded.text);
  if (!parsed.ok) return { xml: decoded.text, problem: parsed.problem };
  if (!isKnownKind(parsed.rootName)) {
    return {
      xml: decoded.text,
      problem: {
        rule: 'decode-failed',
        stage: 'not-saml',
        detail: `the ${field.param} field holds XML whose root element is <${parsed.rootName}>, not a SAML 2.0 protocol message`,
      },
    };
  }
  if (parsed.rootName === 'Response' && isSaml1Message(parsed.root)) {
    return Object.assign({ xml: decoded.text, kind: 'Saml11Response' as const }, readSaml11Response(parsed.root));
  }
  // HTTP-Artifact: the SP resolves the artifact and gets the Response inside an ArtifactResponse. The Response is
  // what signs the user in, so it is what the rules judge; a failed ArtifactResponse is judged itself.
  const inner = parsed.rootName === 'ArtifactResponse' ? child(parsed.root, 'Response') : undefined;
  if (inner && !isSaml1Message(inner)) {
    const outer = readMessage('ArtifactResponse', parsed.root);
    if (!outer.status?.code || outer.status.code === SUCCESS) {
      const envelope: NonNullable<SamlMessage['envelope']> = { kind: 'ArtifactResponse' };
      if (outer.id) envelope.id = outer.id;
      if (outer.inResponseTo) envelope.inResponseTo = outer.inResponseTo;
      if (outer.issuer) envelope.issuer = outer.issuer;
      return Object.assign({ xml: decoded.text, kind: 'Response' as const, envelope }, readMessage('Response', inner));
    }
  }
  return Object.assign({ xml: decoded.text, kind: parsed.rootName }, readMessage(parsed.rootName, parsed.root));
}

const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
const WS_FED_ROOTS = ['RequestSecurityTokenResponse', 'RequestSecurityTokenResponseCollection'];

/** `wresult` is XML sent as is in the form (no base64). */
function readWsFedField(value: string): FieldContent {
  const parsed = parseXml(value.trim());
  if (!parsed.ok) return { xml: value, problem: parsed.problem };
  if (!WS_FED_ROOTS.includes(parsed.rootName)) {
    return {
      xml: value,
      problem: { rule: 'decode-failed', stage: 'not-saml', detail: `the wresult field holds XML whose root element is <${parsed.rootName}>, not a WS-Federation RequestSecurityTokenResponse` },
    };
  }
  return Object.assign({ xml: value, kind: 'WsFedResponse' as const }, readWsFedResult(parsed.root));
}

function assemble(field: SamlField, fields: SamlFields, entry: HarEntry, exchangeIndex: number, content: FieldContent): SamlMessage {
  const message: SamlMessage = {
    key: `${exchangeIndex}:${field.param}`,
    protocol: 'saml',
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
  const status = httpStatusOf(entry);
  if (status !== undefined) message.httpStatus = status;
  if (entry.startedDateTime) message.capturedAt = entry.startedDateTime;
  if (fields.relayState !== undefined) message.relayState = fields.relayState;
  if (field.binding === 'redirect' && (fields.sigAlg !== undefined || fields.signature !== undefined)) {
    message.redirectSignature = {};
    if (fields.sigAlg !== undefined) message.redirectSignature.sigAlg = fields.sigAlg;
    if (fields.signature !== undefined) message.redirectSignature.signature = fields.signature;
  }
  return Object.assign(message, content);
}

/** What an exchange's request was when it was read: a request changed since is read again. */
interface EntryRead {
  url: string;
  postData: HarPostData | undefined;
  text: string | undefined;
  params: HarPostData['params'];
  mimeType: string | undefined;
  truncated: boolean | undefined;
  fields: SamlFields | null;
  contents: FieldContent[];
}

/** The SAML messages of one exchange at `exchangeIndex` (none for other traffic); `cache` skips re-reading. */
export function readExchange(entry: HarEntry, exchangeIndex: number, cache?: ReadCache): SamlMessage[] {
  if (!cache) {
    const fields = detectSaml(entry);
    return fields ? fields.messages.map((field) => readSamlMessage(field, fields, entry, exchangeIndex)) : [];
  }
  const { url, postData } = entry.request;
  const reads = protocolCache<EntryRead>(cache, 'saml');
  let read = reads.get(entry);
  if (
    !read ||
    read.url !== url ||
    read.postData !== postData ||
    read.text !== postData?.text ||
    read.params !== postData?.params ||
    read.mimeType !== postData?.mimeType ||
    read.truncated !== postData?._truncated
  ) {
    const fields = detectSaml(entry);
    read = {
      url,
      postData,
      text: postData?.text,
      params: postData?.params,
      mimeType: postData?.mimeType,
      truncated: postData?._truncated,
      fields,
      contents: fields ? fields.messages.map((field) => readField(field, fields)) : [],
    };
    reads.set(entry, read);
    cache.reads++;
  }
  const { fields, contents } = read;
  return fields ? fields.messages.map((field, i) => assemble(field, fields, entry, exchangeIndex, contents[i]!)) : [];
}
