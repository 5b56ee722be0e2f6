import type { Analysis } from '../utils/analyze';
import type { IdpErrorPage } from '../utils/flow/idp-error-page';
import type { Flow } from '../utils/flow/types';
import { isPastedUrl } from '../utils/har/read-message-input';
import { describeJudgedAt, type JudgedAt } from '../utils/rules/support/judging-time';
import { idpOf } from '../utils/rules/support/attribute-lookup';
import { fixFor, preferredFixVendor, type IdpKind } from '../utils/rules/support/fix-for-idp';
import type { Finding, Severity } from '../utils/rules/types';
import { oidcKeyFields } from '../utils/oidc/summary';
import { traceRows, type TraceRow } from '../utils/panel/trace-rows';
import type { Message } from '../utils/protocols/types';
import type { Binding, SamlMessage } from '../utils/saml/types';
import { flowProfile, type FlowProfile } from './flow-profile';

// What every report format shows, computed once and in time linear in messages + findings: the formats only
// lay it out.

export interface MessageView {
  message: Message;
  findings: Finding[];
  idp: IdpKind;
}

export interface FlowView {
  flow: Flow;
  title: string;
  profile: FlowProfile;
  messages: MessageView[];
  /** Findings about the flow as a whole (no message of their own). */
  findings: Finding[];
  /** The sign-in step by step when the capture holds more than its messages; empty otherwise. */
  trace: TraceStep[];
}

/** One step of a flow's trace, with the IdP error page it answered with (its code and its words, capped). */
export interface TraceStep extends TraceRow {
  errorPage?: IdpErrorPage;
}

export type VerdictLevel = 'error' | 'warning' | 'ok' | 'empty';

export interface ReportModel {
  files: string[];
  flows: FlowView[];
  counts: Record<Severity, number>;
  messageCount: number;
  verdict: { level: VerdictLevel; text: string };
}

export function buildReport(analysis: Analysis, files: string[]): ReportModel {
  const byMessage = new Map<string, Finding[]>();
  const byFlowOnly = new Map<string, Finding[]>();
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of analysis.findings) {
    counts[f.severity]++;
    if (f.messageKey) push(byMessage, f.messageKey, f);
    else if (f.flowId) push(byFlowOnly, f.flowId, f);
  }
  const byKey = new Map(analysis.messages.map((m) => [m.key, m]));
  const flows = analysis.flows.map((flow): FlowView => {
    const messages = flow.messageKeys.flatMap((k) => byKey.get(k) ?? []);
    return {
      flow,
      title: flowTitle(flow),
      profile: flowProfile(flow),
      messages: messages.map((message) => ({ message, findings: byMessage.get(message.key) ?? [], idp: message.protocol === 'saml' ? idpOf(message, message.assertions[0]) : 'other' })),
      findings: byFlowOnly.get(flow.id) ?? [],
      trace: traceOf(flow, byKey),
    };
  });
  return { files, flows, counts, messageCount: analysis.messages.length, verdict: verdictOf(analysis.messages.length, counts) };
}

/**
 * The redirect that started the sign-in, its messages, error pages and the landing page, in capture order: only
 * for a flow with hops (a capture of the messages alone has no trace to show).
 */
export function traceOf(flow: Flow, messages: ReadonlyMap<string, Message>): TraceStep[] {
  if (!flow.hops?.length) return [];
  const pages = new Map((flow.errorPages ?? []).map((e) => [e.exchangeIndex, e.page]));
  return traceRows(flow, messages).map((row) => {
    const page = pages.get(row.exchangeIndex);
    return page ? { ...row, errorPage: page } : row;
  });
}

/** Longer URLs are cut in the ticket formats: a redirect carrying a whole SAML message would fill the page. */
const TRACE_URL_CHARS = 200;

/** A trace step's cells as the ticket formats show them; `scrubUrl` redacts a URL (or leaves it) before it is cut. */
export function traceCells(step: TraceStep, scrubUrl: (url: string) => string) {
  const time = step.offsetSeconds !== undefined ? `+${step.offsetSeconds.toFixed(2)} s` : '';
  const took = step.durationMs !== undefined && step.durationMs > 0 ? `${Math.round(step.durationMs)} ms` : '';
  return {
    time: [time, took && `(${took})`].filter(Boolean).join(' ') || '—',
    status: step.status !== undefined ? String(step.status) : '—',
    bad: step.error !== undefined || (step.status !== undefined && step.status >= 400),
    what: step.kind ?? step.mimeType?.split(';')[0]?.trim() ?? 'request',
    url: truncate(scrubUrl(step.url), TRACE_URL_CHARS),
    location: step.location === undefined ? undefined : truncate(scrubUrl(step.location), TRACE_URL_CHARS),
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function flowTitle(flow: Flow): string {
  const label = flow.kind === 'sign-in' ? 'Sign-in' : flow.kind === 'sign-out' ? 'Sign-out' : 'Message';
  const status =
    flow.protocol === 'oidc'
      ? flow.callbackStatus
        ? `, redirect URI answered HTTP ${flow.callbackStatus}`
        : ''
      : flow.acsStatus
        ? `, ACS answered HTTP ${flow.acsStatus}`
        : '';
  return `${label} ${flow.id}${flow.protocol === 'oidc' ? ' (OpenID Connect)' : ''}${flow.startedAt ? ` at ${flow.startedAt}` : ''}${status}`;
}

export function verdictOf(messages: number, counts: Record<Severity, number>): ReportModel['verdict'] {
  if (!messages) return { level: 'empty', text: 'No SAML messages found (no SAMLRequest, SAMLResponse or SAMLart field in any request).' };
  if (counts.error) return { level: 'error', text: `${counts.error} error(s): the sign-in fails or is at risk until they are fixed.` };
  if (counts.warning) return { level: 'warning', text: `No errors; ${counts.warning} warning(s) to review.` };
  return { level: 'ok', text: 'No problems found.' };
}

export function summaryLine(model: ReportModel): string {
  const { counts } = model;
  return `${model.messageCount} message(s), ${model.flows.length} flow(s): ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info.`;
}

export const BINDING_LABEL: Record<Binding, string> = { post: 'POST', redirect: 'Redirect', artifact: 'Artifact' };

/** "Redirect binding, GET https://idp/sso" or "POST binding, pasted message" for a message with no request. */
export function transport(m: Message, maxUrl = 80): string {
  const origin = isPastedUrl(m.url) ? 'pasted message' : `${m.method} ${truncate(m.url, maxUrl)}`;
  return m.protocol === 'oidc' ? `OpenID Connect ${m.carrier}, ${origin}` : `${BINDING_LABEL[m.binding]} binding, ${origin}`;
}

/** Who issued the message: SAML's Issuer, or the ID token's iss of an OIDC message. */
export function issuerOf(m: Message): string | undefined {
  if (m.protocol === 'saml') return m.issuer;
  const iss = (m.response?.idToken ?? m.tokens?.idToken)?.payload?.iss;
  return typeof iss === 'string' ? iss : undefined;
}

/** The command line may name its own flag; the shared wording (the panel's too) names none. */
function judgedAtText(judged: JudgedAt): string {
  return judged.source === 'option' ? `${judged.instant} (the --now time)` : describeJudgedAt(judged);
}

export function keyFields(m: Message): Array<[string, string]> {
  return m.protocol === 'oidc' ? oidcKeyFields(m) : samlKeyFields(m);
}

function samlKeyFields(m: SamlMessage): Array<[string, string]> {
  const out: Array<[string, string | undefined]> = [
    ['ID', m.id],
    ['InResponseTo', m.inResponseTo],
    ['Issuer', m.issuer],
    ['Destination', m.destination],
    ['IssueInstant', m.issueInstant],
    ['Judged at', m.judgedAt && judgedAtText(m.judgedAt)],
    ['ACS URL', m.request?.acsUrl],
    ['Status', m.status?.code && [m.status.code.split(':').pop(), m.status.subCode?.split(':').pop(), m.status.message].filter(Boolean).join(' / ')],
    ['RelayState', m.relayState],
  ];
  const a = m.assertions[0];
  if (a) {
    out.push(['NameID', a.subject.nameId], ['Audiences', a.conditions?.audiences.join(', ')]);
    out.push(['Attributes', a.attributes.map((x) => `${x.friendlyName ?? x.name.split('/').pop()}(${x.values.length})`).join(', ')]);
  }
  if (m.encryptedAssertions) out.push(['Assertions', `${m.encryptedAssertions} encrypted`]);
  return out.filter((x): x is [string, string] => !!x[1]);
}

const VENDOR_NAME = { entra: 'Microsoft Entra ID', okta: 'Okta', generic: 'any IdP' } as const;

/** The fix in the terms of the IdP that issued the message, and which IdP that is. */
export function fixOf(f: Finding, idp: IdpKind): { text: string; vendor: string } | undefined {
  if (!f.fix) return undefined;
  return { text: fixFor(f.fix, idp), vendor: VENDOR_NAME[preferredFixVendor(f.fix, idp)] };
}

export function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
