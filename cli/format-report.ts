import type { Analysis } from '../utils/analyze';
import type { Finding, Severity } from '../utils/rules/types';
import { buildReport, fixOf, keyFields, summaryLine, transport, type ReportModel } from './report-model';

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
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    files,
    summary: { messages: analysis.messages.length, flows: analysis.flows.length, ...counts },
    messages: analysis.messages.map((m) => ({
      key: m.key,
      kind: m.kind,
      binding: m.binding,
      id: m.id ?? null,
      issuer: m.issuer ?? null,
      destination: m.destination ?? null,
      inResponseTo: m.inResponseTo ?? null,
      url: m.url,
      httpStatus: m.httpStatus ?? null,
      findings: rulesByMessage.get(m.key) ?? [],
    })),
    // The JSON keeps the shape scripts rely on: the trace and skipped checks are not in it (yet).
    flows: analysis.flows.map(({ protocol: _protocol, hops: _hops, skipped: _skipped, ...flow }) => flow),
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

/** Human output: per flow, each message's key fields and its findings, worst first. */
export function toTextReport(analysis: Analysis, c: Palette, model: ReportModel = buildReport(analysis, [])): string {
  if (!model.messageCount) return `${model.verdict.text}\n`;
  const lines: string[] = [];
  for (const view of model.flows) {
    lines.push(c.bold(view.title));
    lines.push(`  ${c.dim(`profile: ${view.profile.label} (${view.profile.reason})`)}`);
    for (const { message: m, findings, idp } of view.messages) {
      lines.push(`  ${c.bold(m.kind)} ${c.dim(`(${transport(m)})`)}`);
      for (const [label, value] of keyFields(m)) lines.push(`    ${c.dim(label.padEnd(14))}${value}`);
      if (!findings.length) lines.push(`    ${c.dim('no findings')}`);
      for (const f of findings) lines.push(...formatFinding(f, c, fixOf(f, idp)?.text));
    }
    for (const f of view.findings) lines.push(...formatFinding(f, c, f.fix?.generic));
    lines.push('');
  }
  lines.push(summaryLine(model));
  return lines.join('\n') + '\n';
}

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
