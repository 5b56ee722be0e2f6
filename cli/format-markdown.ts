import type { Finding } from '../utils/rules/types';
import { fixOf, keyFields, summaryLine, traceCells, transport, type ReportModel, issuerOf, type TraceStep } from './report-model';
import { AS_CAPTURED, reportScrubber, type ReportScrub, type Scrub } from './scrub-values';

// A ticket-ready summary: what is wrong, the evidence, and what to change in the IdP that issued the message.
// Captured text only ever appears escaped or in code spans, so a value cannot turn into links or markup.

const VERDICT_MARK = { error: 'FAIL', warning: 'WARN', ok: 'OK', empty: 'NO SAML' } as const;
const SEVERITY_MARK = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

export function toMarkdownReport(model: ReportModel, scrub: Scrub, redacted: boolean, formats: string): string {
  const more = redacted ? reportScrubber(scrub) : AS_CAPTURED;
  const out: string[] = ['# SSO Lens report', ''];
  out.push(`**Verdict: ${VERDICT_MARK[model.verdict.level]}** — ${text(model.verdict.text)}`, '');
  out.push(`- Input: ${model.files.map((f) => code(f)).join(', ')}${formats ? ` (${text(formats)})` : ''}`);
  out.push(`- ${text(summaryLine(model))}`);
  const profiles = [...new Set(model.flows.map((f) => `${f.profile.label} (${f.profile.reason})`))];
  if (profiles.length) out.push(`- Profile used: ${profiles.map(text).join('; ')}`);
  out.push(
    redacted
      ? '- NameID, attribute values and e-mail addresses are replaced by placeholders (`--no-redact` shows them).'
      : '- **Not redacted**: this report holds personal data from the SAML messages.',
  );
  out.push('');

  for (const view of model.flows) {
    out.push(`## ${text(view.title)}`, '');
    out.push(`Profile: ${text(view.profile.label)} (${text(view.profile.reason)})`, '');
    out.push('| Message | Transport | Issuer | ID |', '|---|---|---|---|');
    for (const { message: m } of view.messages) {
      out.push(`| ${m.kind} | ${cell(scrub(transport(m, 60)))} | ${issuerOf(m) ? code(scrub(issuerOf(m)!)) : '—'} | ${m.id ? code(m.id) : '—'} |`);
    }
    out.push('');
    for (const { message: m, findings, idp } of view.messages) {
      if (!findings.length) continue;
      out.push(`### ${m.kind}${m.id ? ` ${code(m.id)}` : ''}`, '');
      const fields = keyFields(m).filter(([label]) => label !== 'ID');
      for (const [label, value] of fields) out.push(`- ${label}: ${code(more.text(value))}`);
      if (fields.length) out.push('');
      for (const f of findings) out.push(...finding(f, more, fixOf(f, idp)));
    }
    for (const f of view.findings) out.push(...finding(f, more, f.fix ? { text: f.fix.generic, vendor: 'any IdP' } : undefined));
    out.push(...trace(view.trace, more));
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function finding(f: Finding, more: ReportScrub, fix: { text: string; vendor: string } | undefined): string[] {
  const lines = [`#### ${SEVERITY_MARK[f.severity]}: ${text(f.title)} (${code(f.rule)})`, '', text(more.text(f.message)), ''];
  for (const [name, value] of Object.entries(f.evidence ?? {})) {
    if (value !== undefined) lines.push(`- Evidence ${text(name)}: ${code(more.text(value))}`);
  }
  if (fix) lines.push(`- **Fix (${fix.vendor}):** ${text(fix.text)}`);
  lines.push(`- Reference: ${f.reference} · ${f.docs}`, '');
  return lines;
}

/** The sign-in step by step, as a table, then the words of each IdP error page it met. */
function trace(steps: readonly TraceStep[], more: ReportScrub): string[] {
  if (!steps.length) return [];
  const out = ['### Trace', '', '| Time | Status | Step | Request | Redirected to |', '|---|---|---|---|---|'];
  const pages: string[] = [];
  for (const step of steps) {
    const c = traceCells(step, more.url);
    const what = step.errorPage ? `${text(c.what)} **${text(step.error ?? '')}**` : text(c.what);
    out.push(`| ${c.time} | ${c.status} | ${what} | ${code(`${step.method} ${c.url}`)} | ${c.location ? code(c.location) : '—'} |`);
    const page = step.errorPage;
    if (page) pages.push(`- ${text(page.idp)} error page${page.code ? ` ${code(page.code)}` : ''} (${text(c.time)})${page.text ? `: ${code(more.text(page.text))}` : ''}`);
  }
  out.push('');
  if (pages.length) out.push(...pages, '');
  return out;
}

/** Text outside code: every character Markdown (or an HTML-rendering ticket tool) would read as markup is escaped. */
export function text(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/[\\`*_[\]<>|&]/g, (c) => `\\${c}`);
}

/** A code span that no backtick, pipe or line break in the value can close or break. */
export function code(s: string): string {
  const value = s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

function cell(s: string): string {
  return text(s);
}
