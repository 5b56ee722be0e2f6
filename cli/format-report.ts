import type { Analysis } from '../utils/analyze';
import { RULES } from '../utils/rules/index';
import type { SamlMessage } from '../utils/saml/types';
import { oidcSummary } from '../utils/oidc/summary';
import type { Message } from '../utils/protocols/types';
import type { Finding, Severity } from '../utils/rules/types';
import { buildReport, fixOf, keyFields, summaryLine, traceOf, transport, type ReportModel, type TraceStep } from './report-model';

export interface Palette {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const ansi = (code: number) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
export const COLORS: Palette = { red: ansi(31), yellow: ansi(33), blue: ansi(34), dim: ansi(2), bold: ansi(1) };
const identity = (s: string) => s;
export const PLAIN: Palette = { red: identity, yellow: identity, blue: identity, dim: identity, bold: identity };

/** Version of the --json shape (docs/cli-report.schema.json): bumped when a field changes meaning or goes away. */
export const REPORT_SCHEMA_VERSION = 1;

/** The JSON the command line prints with --json (a stable shape that scripts and tests rely on). */
export function toJsonReport(analysis: Analysis, files: string[]) {
  const rulesByMessage = new Map<string, string[]>();
  for (const f of analysis.findings) {
    if (!f.messageKey) continue;
    const list = rulesByMessage.get(f.messageKey);
    if (list) list.push(f.rule);
    else rulesByMessage.set(f.messageKey, [f.rule]);
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of analysis.findings) counts[f.severity]++;
  let byKey: ReadonlyMap<string, Message> | undefined;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    files,
    summary: { messages: analysis.messages.length, flows: analysis.flows.length, ...counts },
    messages: analysis.messages.map((m) => ({
      key: m.key,
      ...messageFacts(m),
      url: m.url,
      httpStatus: m.httpStatus ?? null,
      ...(m.protocol === 'saml' ? { judgedAt: m.judgedAt ?? null } : {}),
      findings: rulesByMessage.get(m.key) ?? [],
    })),
    // A SAML flow's protocol is implied, another protocol's is said. The hops come as `trace`, only where there
    // are some, so a capture of the messages alone reports as it always did.
    flows: analysis.flows.map((whole) => {
      const { protocol, hops, skipped: _skipped, ...flow } = whole;
      const out = protocol === 'saml' ? flow : { protocol, ...flow };
      if (!hops?.length) return out;
      byKey ??= new Map(analysis.messages.map((m) => [m.key, m]));
      // The error page's code is in `errorPage`: the row's short label is for the text report.
      return { ...out, trace: traceOf(whole, byKey).map(({ error: _error, ...step }) => step) };
    }),
    findings: analysis.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      messageId: f.messageId ?? null,
      messageKey: f.messageKey ?? null,
      flowId: f.flowId ?? null,
      evidence: f.evidence ?? null,
      fix: f.fix ?? null,
      docs: f.docs,
      reference: f.reference,
    })),
  };
}

/** What a message is, in its protocol's terms: OIDC messages say their protocol, SAML's keep the shape scripts rely on. */
function messageFacts(m: Message) {
  if (m.protocol === 'oidc') return { protocol: m.protocol, kind: m.kind, ...oidcSummary(m) };
  return { kind: m.kind, binding: m.binding, id: m.id ?? null, issuer: m.issuer ?? null, destination: m.destination ?? null, inResponseTo: m.inResponseTo ?? null };
}

/** Human output: per flow, each message's key fields and its findings, worst first. */
export function toTextReport(analysis: Analysis, c: Palette, model: ReportModel = buildReport(analysis, [])): string {
  if (!model.messageCount) return `${model.verdict.text}\n`;
  const lines: string[] = [];
  // Counted once per kind of message: a HAR of thousands of quiet messages asked the same question of every rule.
  const protocolChecks = new Map<string, number>();
  const checksFor = (m: Message) => {
    const key = `${m.protocol} ${m.kind}`;
    let n = protocolChecks.get(key);
    if (n === undefined) protocolChecks.set(key, (n = RULES.filter((r) => r.protocols.includes(m.protocol) && r.appliesTo.includes(m.kind) && !r.judges).length));
    return n;
  };
  for (const view of model.flows) {
    lines.push(c.bold(view.title));
    lines.push(`  ${c.dim('judged as')} ${view.profile.label}${c.dim(` (${view.profile.reason})`)}`);
    if (view.flow.skipped?.length) lines.push(`  ${c.dim(`skipped checks: ${view.flow.skipped.map((s) => s.rule).join(', ')}`)}`);
    for (const { message: m, findings, idp } of view.messages) {
      lines.push(`  ${c.bold(m.kind)} ${c.dim(`(${transport(m)})`)}`);
      for (const [label, value] of keyFields(m)) lines.push(`    ${c.dim(label.padEnd(14))}${value}`);
      const notJudged = m.protocol === 'saml' ? NOT_JUDGED[m.kind] : undefined;
      if (notJudged) lines.push(`    ${c.dim(notJudged)}`);
      else if (!findings.length) {
        // Under the generic profile silence covers the protocol only: never a bare "ok".
        lines.push(`    ${c.dim(view.profile.id === 'generic' ? `no problem in ${checksFor(m)} protocol checks; choose the service to check attributes and groups` : 'no findings')}`);
      }
      for (const f of findings) lines.push(...formatFinding(f, c, fixOf(f, idp)?.text));
    }
    for (const f of view.findings) lines.push(...formatFinding(f, c, f.fix?.generic));
    lines.push(...formatTrace(view.trace, c));
    lines.push('');
  }
  lines.push(summaryLine(model));
  return lines.join('\n') + '\n';
}

/**
 * The sign-in step by step, when the capture holds more than its messages (the redirect that started it, error
 * pages, the landing page): time from the first step, HTTP status, what it was, the request and where it led.
 */
export function formatTrace(trace: readonly TraceStep[], c: Palette): string[] {
  if (!trace.length) return [];
  const lines = [`  ${c.bold('trace')}`];
  for (const row of trace) {
    const time = row.offsetSeconds !== undefined ? `+${row.offsetSeconds.toFixed(2)} s` : '';
    const status = row.status !== undefined ? String(row.status) : '---';
    const bad = row.error !== undefined || (row.status !== undefined && row.status >= 400);
    const what = row.kind ?? row.mimeType?.split(';')[0] ?? 'request';
    const line = [`    ${c.dim(time.padStart(9))}  ${bad ? c.red(status) : status}  ${what}`, row.error ? ` ${c.red(`[${row.error}]`)}` : '', `  ${row.method} ${row.url}`];
    if (row.location) line.push(c.dim(` → ${row.location}`));
    lines.push(line.join(''));
  }
  return lines;
}

/** Messages recognised but outside what the rules judge: said, so that silence is not read as "ok". */
const NOT_JUDGED: Partial<Record<SamlMessage['kind'], string>> = {
  Saml11Response: 'SAML 1.1 Response: recognised, not judged (SSO Lens checks SAML 2.0 messages)',
  WsFedResponse: 'WS-Federation sign-in result: recognised, not judged (SSO Lens checks SAML 2.0 messages)',
};

const SEVERITY_LABEL: Record<Severity, (c: Palette) => string> = {
  error: (c) => c.red('error  '),
  warning: (c) => c.yellow('warning'),
  info: (c) => c.blue('info   '),
};

function formatFinding(f: Finding, c: Palette, fix: string | undefined): string[] {
  const lines = [`    ${SEVERITY_LABEL[f.severity](c)} ${f.message} ${c.dim(`[${f.rule}]`)}`];
  if (fix) lines.push(`            ${c.dim('fix:')} ${fix}`);
  return lines;
}
