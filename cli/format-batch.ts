import type { Analysis } from '../utils/analyze';
import { esc } from './format-html';
import { code as mdCode, text as mdText } from './format-markdown';
import type { Palette } from './format-report';
import { REPORT_SCHEMA_VERSION, toJsonReport } from './format-report';
import type { ReportFormat } from './options';
import { summaryLine, type ReportModel, type VerdictLevel } from './report-model';

// A folder of tickets' attachments: one line per file, then totals; the exit code is the worst file's.

export type BatchItem = { file: string; analysis: Analysis; model: ReportModel; format: string; error?: undefined } | { file: string; error: string };

const MARK: Record<VerdictLevel | 'unreadable', string> = { error: 'FAIL', warning: 'WARN', ok: 'OK', empty: 'NO SAML', unreadable: 'UNREADABLE' };

function codeOf(item: BatchItem): 0 | 1 | 2 {
  if (item.error !== undefined) return 2;
  return item.model.counts.error ? 1 : 0;
}

function levelOf(item: BatchItem): VerdictLevel | 'unreadable' {
  return item.error !== undefined ? 'unreadable' : item.model.verdict.level;
}

export function batchTotals(items: readonly BatchItem[]) {
  const totals = { files: items.length, unreadable: 0, withErrors: 0, withWarnings: 0, clean: 0, noSaml: 0, messages: 0, flows: 0, error: 0, warning: 0, info: 0 };
  for (const item of items) {
    if (item.error !== undefined) {
      totals.unreadable++;
      continue;
    }
    const { model } = item;
    const level = model.verdict.level;
    if (level === 'error') totals.withErrors++;
    else if (level === 'warning') totals.withWarnings++;
    else if (level === 'ok') totals.clean++;
    else totals.noSaml++;
    totals.messages += model.messageCount;
    totals.flows += model.flows.length;
    totals.error += model.counts.error;
    totals.warning += model.counts.warning;
    totals.info += model.counts.info;
  }
  return totals;
}

export function batchReport(items: readonly BatchItem[], format: ReportFormat, c: Palette): { code: 0 | 1 | 2; text: string } {
  const code = items.reduce<0 | 1 | 2>((worst, item) => Math.max(worst, codeOf(item)) as 0 | 1 | 2, 0);
  const totals = batchTotals(items);
  const totalLine =
    `${totals.files} file(s): ${totals.withErrors} with errors, ${totals.withWarnings} with warnings only, ${totals.clean} clean, ` +
    `${totals.noSaml} without SAML, ${totals.unreadable} unreadable; ${totals.messages} message(s), ${totals.error} error(s), ${totals.warning} warning(s), ${totals.info} info.`;
  const detail = (item: BatchItem) => (item.error !== undefined ? item.error : summaryLine(item.model));

  if (format === 'json') {
    const files = items.map((item) => ({
      file: item.file,
      code: codeOf(item),
      format: item.error === undefined ? item.format : null,
      error: item.error ?? null,
      report: item.error === undefined ? toJsonReport(item.analysis, [item.file]) : null,
    }));
    return { code, text: `${JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, batch: true, files, totals }, null, 2)}\n` };
  }
  if (format === 'markdown') {
    const rows = items.map((item) => `| ${mdCode(item.file)} | ${MARK[levelOf(item)]} | ${mdText(detail(item))} |`);
    const text = ['# SSO Lens batch report', '', '| File | Verdict | Details |', '|---|---|---|', ...rows, '', `**Total:** ${mdText(totalLine)}`, ''];
    return { code, text: text.join('\n') };
  }
  if (format === 'html') {
    const rows = items.map((item) => `<tr><td><code>${esc(item.file)}</code></td><td>${MARK[levelOf(item)]}</td><td>${esc(detail(item))}</td></tr>`);
    const text = [
      '<!doctype html>',
      `<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
      '<title>SSO Lens batch report</title>',
      '<style>body{font:14px/1.45 system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left}</style>',
      '</head><body><h1>SSO Lens batch report</h1>',
      '<table><thead><tr><th>File</th><th>Verdict</th><th>Details</th></tr></thead><tbody>',
      ...rows,
      `</tbody></table><p><strong>Total:</strong> ${esc(totalLine)}</p></body></html>`,
      '',
    ];
    return { code, text: text.join('\n') };
  }
  const width = Math.max(...items.map((i) => i.file.length));
  const paint = { error: c.red, warning: c.yellow, ok: (s: string) => s, empty: c.dim, unreadable: c.red } as const;
  const lines = items.map((item) => {
    const level = levelOf(item);
    return `${item.file.padEnd(width)}  ${paint[level](MARK[level].padEnd(10))}  ${detail(item)}`;
  });
  return { code, text: `${lines.join('\n')}\n${c.bold(`Total: ${totalLine}`)}\n` };
}
