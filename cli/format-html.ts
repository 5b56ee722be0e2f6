import type { Finding, Severity } from '../utils/rules/types';
import { fixOf, keyFields, summaryLine, traceCells, transport, type ReportModel, issuerOf, type TraceStep } from './report-model';
import { AS_CAPTURED, reportScrubber, type ReportScrub, type Scrub } from './scrub-values';

// One offline file to attach to a ticket or print: no script, no external resource (the content security policy
// forbids both), and every captured value escaped, so a hostile capture renders as text.

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; color: #1d1d1f; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; } h3 { font-size: 1rem; }
code { font: 12px ui-monospace, monospace; background: #f3f3f3; padding: 0 .2em; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; border: 1px solid #ddd; padding: .25rem .5rem; vertical-align: top; }
.verdict { padding: .5rem 1rem; border-left: 6px solid; } .verdict.error { border-color: #c62828; } .verdict.warning { border-color: #e6a100; }
.verdict.ok { border-color: #2e7d32; } .verdict.empty { border-color: #888; }
.finding { border: 1px solid #ddd; border-left: 6px solid; padding: .25rem 1rem; margin: .75rem 0; break-inside: avoid; }
.finding.error { border-left-color: #c62828; } .finding.warning { border-left-color: #e6a100; } .finding.info { border-left-color: #1565c0; }
.muted { color: #555; }
.trace td:nth-child(-n+2) { white-space: nowrap; } .trace tr.bad td:nth-child(2) { color: #c62828; font-weight: bold; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } h2 { break-after: avoid; } }
`;

const SEVERITY: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

export function toHtmlReport(model: ReportModel, scrub: Scrub, redacted: boolean, formats: string): string {
  const more = redacted ? reportScrubber(scrub) : AS_CAPTURED;
  const body: string[] = ['<h1>SSO Lens report</h1>'];
  body.push(`<p class="verdict ${model.verdict.level}"><strong>${esc(model.verdict.text)}</strong></p>`);
  body.push('<ul>');
  body.push(`<li>Input: ${model.files.map((f) => `<code>${esc(f)}</code>`).join(', ')}${formats ? ` (${esc(formats)})` : ''}</li>`);
  body.push(`<li>${esc(summaryLine(model))}</li>`);
  const profiles = [...new Set(model.flows.map((f) => `${f.profile.label} (${f.profile.reason})`))];
  if (profiles.length) body.push(`<li>Profile used: ${esc(profiles.join('; '))}</li>`);
  body.push(
    redacted
      ? '<li>NameID, attribute values and e-mail addresses are replaced by placeholders.</li>'
      : '<li><strong>Not redacted</strong>: this report holds personal data from the SAML messages.</li>',
  );
  body.push('</ul>');

  for (const view of model.flows) {
    body.push(`<h2>${esc(view.title)}</h2>`, `<p class="muted">Profile: ${esc(view.profile.label)} (${esc(view.profile.reason)})</p>`);
    body.push('<table><thead><tr><th>Message</th><th>Transport</th><th>Issuer</th><th>ID</th></tr></thead><tbody>');
    for (const { message: m } of view.messages) {
      body.push(`<tr><td>${esc(m.kind)}</td><td>${esc(scrub(transport(m, 100)))}</td><td>${codeOr(issuerOf(m) && scrub(issuerOf(m)!))}</td><td>${codeOr(m.id)}</td></tr>`);
    }
    body.push('</tbody></table>');
    for (const { message: m, findings, idp } of view.messages) {
      if (!findings.length) continue;
      body.push(`<h3>${esc(m.kind)}${m.id ? ` <code>${esc(m.id)}</code>` : ''}</h3>`, '<table>');
      for (const [label, value] of keyFields(m)) body.push(`<tr><th>${esc(label)}</th><td><code>${esc(more.text(value))}</code></td></tr>`);
      body.push('</table>');
      for (const f of findings) body.push(finding(f, more, fixOf(f, idp)));
    }
    for (const f of view.findings) body.push(finding(f, more, f.fix ? { text: f.fix.generic, vendor: 'any IdP' } : undefined));
    body.push(...trace(view.trace, more));
  }
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>SSO Lens report: ${esc(model.files.join(', '))}</title>`,
    `<style>${STYLE}</style></head><body>`,
    ...body,
    '</body></html>',
    '',
  ].join('\n');
}

function finding(f: Finding, more: ReportScrub, fix: { text: string; vendor: string } | undefined): string {
  const parts = [`<div class="finding ${f.severity}">`, `<h4>${SEVERITY[f.severity]}: ${esc(f.title)} <code>${esc(f.rule)}</code></h4>`, `<p>${esc(more.text(f.message))}</p>`];
  const evidence = Object.entries(f.evidence ?? {}).filter((e): e is [string, string] => e[1] !== undefined);
  if (evidence.length) {
    parts.push('<ul>', ...evidence.map(([name, value]) => `<li>Evidence ${esc(name)}: <code>${esc(more.text(value))}</code></li>`), '</ul>');
  }
  if (fix) parts.push(`<p><strong>Fix (${esc(fix.vendor)}):</strong> ${esc(fix.text)}</p>`);
  // Links are printed as text: a report opened offline should not invite clicks into unknown places.
  parts.push(`<p class="muted">Reference: ${esc(f.reference)} · ${esc(f.docs)}</p>`, '</div>');
  return parts.join('\n');
}

/** The sign-in step by step, then the words of each IdP error page it met. */
function trace(steps: readonly TraceStep[], more: ReportScrub): string[] {
  if (!steps.length) return [];
  const out = ['<h3>Trace</h3>', '<table class="trace"><thead><tr><th>Time</th><th>Status</th><th>Step</th><th>Request</th><th>Redirected to</th></tr></thead><tbody>'];
  const pages: string[] = [];
  for (const step of steps) {
    const c = traceCells(step, more.url);
    const what = `${esc(c.what)}${step.error ? ` <strong>${esc(step.error)}</strong>` : ''}`;
    out.push(`<tr${c.bad ? ' class="bad"' : ''}><td>${esc(c.time)}</td><td>${esc(c.status)}</td><td>${what}</td><td><code>${esc(`${step.method} ${c.url}`)}</code></td><td>${codeOr(c.location)}</td></tr>`);
    const page = step.errorPage;
    if (page) pages.push(`<li>${esc(page.idp)} error page${page.code ? ` <code>${esc(page.code)}</code>` : ''} (${esc(c.time)})${page.text ? `: <code>${esc(more.text(page.text))}</code>` : ''}</li>`);
  }
  out.push('</tbody></table>');
  if (pages.length) out.push('<ul>', ...pages, '</ul>');
  return out;
}

function codeOr(value: string | undefined): string {
  return value ? `<code>${esc(value)}</code>` : '—';
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
