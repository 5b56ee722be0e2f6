// Builds SP-initiated sign-in flows (AuthnRequest by Redirect, Response by POST) whose every protocol detail a
// test can change: times, audiences, confirmations, signatures, status. The defaults make a clean sign-in.
import { type AnalyzeOptions } from '../../utils/analyze';
import { analyzeSaml } from './saml-analysis';
import type { HarEntry } from '../../utils/har/types';
import type { Finding } from '../../utils/rules/types';
import { readMessageInput } from '../../utils/har/read-message-input';
import { b64, deflateB64, fixtureText, fixtureXml, postEntry, redirectEntry } from './har-builder';

export const SP_ENTITY_ID = 'https://sp.example.com/metadata';
export const ACS = 'https://sp.example.com/acs';
export const IDP_SSO = 'https://idp.example.com/sso';
export const IDP_ISSUER = 'https://idp.example.com/metadata';
export const REQUEST_ID = '_req-7f3a';
/** When the Response is issued; the AuthnRequest leaves 5 s before, the POST reaches the ACS 2 s after. */
export const T0 = '2024-01-01T10:00:00Z';

export const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
export const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
export const RSA_SHA1 = 'http://www.w3.org/2000/09/xmldsig#rsa-sha1';
export const SHA1 = 'http://www.w3.org/2000/09/xmldsig#sha1';

export interface SignatureSpec {
  method?: string;
  digest?: string;
}

export interface ConfirmationSpec {
  method?: string;
  recipient?: string | null;
  notOnOrAfter?: string | null;
  notBefore?: string;
  inResponseTo?: string | null;
}

export interface AssertionSpec {
  signature?: SignatureSpec | null;
  audiences?: string[];
  notBefore?: string | null;
  notOnOrAfter?: string | null;
  confirmations?: ConfirmationSpec[];
}

export interface ResponseSpec {
  id?: string;
  /** null: no InResponseTo (IdP-initiated). */
  inResponseTo?: string | null;
  /** null: no Destination attribute. */
  destination?: string | null;
  issueInstant?: string;
  issuer?: string;
  status?: { code?: string; subCode?: string; message?: string } | null;
  /** The Response's own signature; null: unsigned. Default: unsigned (the assertion is signed). */
  signature?: SignatureSpec | null;
  /** null: no assertion; 'encrypted': an EncryptedAssertion. */
  assertion?: AssertionSpec | null | 'encrypted';
}

export interface RequestSpec {
  id?: string;
  issuer?: string;
  /** null: no AssertionConsumerServiceURL. */
  acsUrl?: string | null;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const attr = (name: string, value: string | null | undefined) => (value == null ? '' : ` ${name}="${esc(value)}"`);
const plus = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString().replace('.000Z', 'Z');

function signatureXml(ref: string, s: SignatureSpec): string {
  return (
    `<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo>` +
    `<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:SignatureMethod Algorithm="${s.method ?? RSA_SHA256}"/>` +
    `<ds:Reference URI="#${ref}"><ds:DigestMethod Algorithm="${s.digest ?? SHA256}"/><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference>` +
    `</ds:SignedInfo><ds:SignatureValue>AAAA</ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>MIIB</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>`
  );
}

export function buildAuthnRequest(spec: RequestSpec = {}): string {
  const acs = spec.acsUrl === undefined ? ACS : spec.acsUrl;
  return (
    `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"` +
    ` ID="${esc(spec.id ?? REQUEST_ID)}" Version="2.0" IssueInstant="${plus(T0, -5)}" Destination="${IDP_SSO}"${attr('AssertionConsumerServiceURL', acs)}` +
    ` ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"><saml:Issuer>${esc(spec.issuer ?? SP_ENTITY_ID)}</saml:Issuer></samlp:AuthnRequest>`
  );
}

export function buildProtocolResponse(spec: ResponseSpec = {}): string {
  const id = spec.id ?? '_resp-1';
  const irt = spec.inResponseTo === undefined ? REQUEST_ID : spec.inResponseTo;
  const ii = spec.issueInstant ?? T0;
  const issuer = `<saml:Issuer>${esc(spec.issuer ?? IDP_ISSUER)}</saml:Issuer>`;
  const st = spec.status === undefined ? {} : spec.status;
  const status =
    st === null
      ? ''
      : `<samlp:Status><samlp:StatusCode Value="${esc(st.code ?? 'urn:oasis:names:tc:SAML:2.0:status:Success')}">` +
        (st.subCode ? `<samlp:StatusCode Value="${esc(st.subCode)}"/>` : '') +
        '</samlp:StatusCode>' +
        (st.message ? `<samlp:StatusMessage>${esc(st.message)}</samlp:StatusMessage>` : '') +
        '</samlp:Status>';
  let assertion = '';
  if (spec.assertion === 'encrypted') {
    assertion =
      '<saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"><xenc:CipherData><xenc:CipherValue>AAAA</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData></saml:EncryptedAssertion>';
  } else if (spec.assertion !== null) {
    const a = spec.assertion ?? {};
    const aSig = a.signature === undefined ? {} : a.signature;
    const confirmations = a.confirmations ?? [{}];
    const conf = confirmations
      .map((c) => {
        const data =
          attr('Recipient', c.recipient === undefined ? ACS : c.recipient) +
          attr('NotOnOrAfter', c.notOnOrAfter === undefined ? plus(ii, 300) : c.notOnOrAfter) +
          attr('NotBefore', c.notBefore) +
          attr('InResponseTo', c.inResponseTo === undefined ? irt : c.inResponseTo);
        return `<saml:SubjectConfirmation Method="${esc(c.method ?? 'urn:oasis:names:tc:SAML:2.0:cm:bearer')}"><saml:SubjectConfirmationData${data}/></saml:SubjectConfirmation>`;
      })
      .join('');
    const audiences = (a.audiences ?? [SP_ENTITY_ID]).map((x) => `<saml:Audience>${esc(x)}</saml:Audience>`).join('');
    assertion =
      `<saml:Assertion ID="_assert-1" Version="2.0" IssueInstant="${ii}">${issuer}${aSig ? signatureXml('_assert-1', aSig) : ''}` +
      `<saml:Subject><saml:NameID>jdoe@example.com</saml:NameID>${conf}</saml:Subject>` +
      `<saml:Conditions${attr('NotBefore', a.notBefore === undefined ? plus(ii, -60) : a.notBefore)}${attr('NotOnOrAfter', a.notOnOrAfter === undefined ? plus(ii, 3600) : a.notOnOrAfter)}>` +
      `<saml:AudienceRestriction>${audiences}</saml:AudienceRestriction></saml:Conditions>` +
      `<saml:AuthnStatement AuthnInstant="${ii}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:Password</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
      '</saml:Assertion>';
  }
  return (
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"` +
    ` ID="${esc(id)}" Version="2.0" IssueInstant="${ii}"${attr('Destination', spec.destination === undefined ? ACS : spec.destination)}${attr('InResponseTo', irt)}>` +
    issuer +
    (spec.signature ? signatureXml(id, spec.signature) : '') +
    status +
    assertion +
    '</samlp:Response>'
  );
}

export interface FlowSpec {
  /** false: no AuthnRequest captured. */
  request?: RequestSpec | false;
  response?: ResponseSpec;
  /** Where the browser POSTs the Response (default: the ACS). */
  postTo?: string;
  /** The ACS's HTTP answer. */
  acsStatus?: number;
  /** When the Response reaches the ACS (default: T0 + 2 s). */
  capturedAt?: string;
  relayState?: string;
}

/** The HAR entries of one sign-in: the AuthnRequest redirect to the IdP, then the Response POST to the ACS. */
export function signInEntries(spec: FlowSpec = {}): HarEntry[] {
  const entries: HarEntry[] = [];
  if (spec.request !== false) {
    entries.push(redirectEntry(IDP_SSO, 'SAMLRequest', deflateB64(buildAuthnRequest(spec.request ?? {})), { time: new Date(Date.parse(T0) - 5000).toISOString(), relayState: spec.relayState }));
  }
  entries.push(
    postEntry(spec.postTo ?? ACS, 'SAMLResponse', b64(buildProtocolResponse(spec.response ?? {})), {
      time: spec.capturedAt ?? new Date(Date.parse(T0) + 2000).toISOString(),
      status: spec.acsStatus ?? 302,
      relayState: spec.relayState,
    }),
  );
  return entries;
}

/** Findings of one rule for a built sign-in, through the whole engine. */
export function flowFindings(rule: string, spec: FlowSpec = {}, options: AnalyzeOptions = {}): Finding[] {
  return analyzeSaml(signInEntries(spec), options).findings.filter((f) => f.rule === rule);
}

/** Findings of one rule for entries. */
export function entryFindings(rule: string, entries: HarEntry[], options: AnalyzeOptions = {}): Finding[] {
  return analyzeSaml(entries, options).findings.filter((f) => f.rule === rule);
}

export { plus as addSeconds };

/**
 * A real fixture Response as the browser delivers it, at its own IssueInstant: POSTed to its Destination, else to
 * its bearer Recipient, when that is an http(s) URL. Fixtures with placeholders there (`{recipient}`) say nothing
 * of where they went, so they are given as raw input (url 'about:blank') and transport rules stay silent.
 */
export function fixturePost(path: string, o: { postTo?: string; status?: number } = {}): { entries: HarEntry[]; issueInstant?: string; postedTo: string } {
  const xml = fixtureXml(path);
  const [message] = analyzeSaml([postEntry('about:blank', 'SAMLResponse', b64(xml))]).messages;
  const isHttp = (u: string | undefined): u is string => !!u && /^https?:\/\/[^\s{}[\]]+$/.test(u);
  const recipient = message?.assertions.flatMap((a) => a.subject.confirmations.map((c) => c.recipient)).find(isHttp);
  const postedTo = o.postTo ?? (isHttp(message?.destination) ? message.destination : recipient) ?? 'about:blank';
  const issueInstant = message?.issueInstant;
  const time = issueInstant && !Number.isNaN(Date.parse(issueInstant)) ? new Date(issueInstant).toISOString() : '2024-01-01T00:00:00.000Z';
  return { entries: [postEntry(postedTo, 'SAMLResponse', b64(xml), { time, status: o.status ?? 302 })], issueInstant, postedTo };
}

/** Findings of one rule for a real fixture Response delivered as `fixturePost` does, judged at its capture time. */
export function fixturePostFindings(rule: string, path: string, options: AnalyzeOptions = {}, o: { postTo?: string; status?: number } = {}): Finding[] {
  return entryFindings(rule, fixturePost(path, o).entries, options);
}

/** Findings of one rule for a fixture read as support staff paste it (no capture time: judged at its IssueInstant). */
export function fixtureFindings(rule: string, path: string, options: AnalyzeOptions = {}): Finding[] {
  return entryFindings(rule, readMessageInput(fixtureText(path)).entries, options);
}
