// The panel exports captures (HAR, SAML-tracer JSON), not reports: the trace reaches a ticket when the exported
// file is analyzed by the command line. A sign-in's hops must survive the export, redacted or not.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli';
import { prepareExport, type ExportFormat } from '../../utils/har/export-har';
import { tracedSignIn } from '../support/trace-builder';

const dir = mkdtempSync(join(tmpdir(), 'sso-lens-export-trace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(format: ExportFormat, redact: boolean, args: string[]) {
  const exchanges = tracedSignIn().map((entry) => ({ entry, source: 'panel' as const }));
  const file = join(dir, `${format}-${redact}.json`);
  writeFileSync(file, prepareExport(exchanges, { redact, format, now: new Date('2024-01-01T10:00:05Z') }).text);
  return runCli([...args, file], { color: false });
}

describe("a panel export analyzed by the command line keeps the sign-in's trace", () => {
  it.each([
    ['har', false],
    ['har', true],
    ['saml-tracer', true],
  ] as const)('%s export, redacted: %s', async (format, redact) => {
    const json = JSON.parse((await cli(format, redact, ['--json'])).stdout);
    const trace = json.flows[0].trace as Array<{ status: number; kind?: string; errorPage?: { code?: string } }>;
    expect(trace.map((s) => s.kind ?? s.status)).toEqual([302, 'AuthnRequest', 200, 'Response', 200]);
    expect(trace[2]!.errorPage?.code).toBe('AADSTS50105');
    const md = (await cli(format, redact, ['--format', 'markdown'])).stdout;
    expect(md.slice(md.indexOf('### Trace')).split('\n').filter((l) => l.startsWith('| +'))).toHaveLength(5);
    expect(md).not.toContain('secret-code');
  });
});
