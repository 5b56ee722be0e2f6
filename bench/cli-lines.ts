// The command line's lines: cold start of the bundled `sso-lens`, a 20,000-message HAR end to end, and a 1 GB
// HAR read with bounded memory. The bundle is built into a temporary folder, so no committed output is needed.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toJsonReport, toTextReport, PLAIN } from '../cli/format-report';
import { buildReport } from '../cli/report-model';
import { analyzeWithTrust } from '../utils/analyze-with-trust';
import { slimEntry } from '../utils/har/slim-entry';
import { readCaptureStream } from '../utils/har/stream-capture';
import { b64, har } from '../tests/support/har-builder';
import { entraResponseEntry, entraResponseXml, nonSamlEntries, signInEntries } from './inputs';
import type { Line } from './report';
import { median } from './timing';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));

export function buildCli(): { bin: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sso-lens-bench-cli-'));
  execFileSync(join(PROJECT, 'node_modules/.bin/vite'), ['build', '-c', 'vite.cli.config.ts', '--outDir', dir], { cwd: PROJECT, stdio: 'pipe' });
  return { bin: join(dir, 'sso-lens.mjs'), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

function wallMs(args: string[], env?: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], ...(env ? { env: { ...process.env, ...env } } : {}) });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/**
 * `sso-lens analyze` on one base64 Response, as a new process each time, against `node -e 0` (interleaved). The
 * warm-up runs leave the command's compiled-code cache in place, as any earlier run does; a run without it (a
 * first run) is timed beside them.
 */
export function coldStartLines(bin: string): Line[] {
  const dir = mkdtempSync(join(tmpdir(), 'sso-lens-bench-start-'));
  const file = join(dir, 'response.b64');
  writeFileSync(file, `${b64(entraResponseXml(150))}\n`);
  const cli: number[] = [];
  const node: number[] = [];
  const uncached: number[] = [];
  for (let i = 0; i < 3; i++) wallMs([bin, 'analyze', file]);
  for (let i = 0; i < 21; i++) {
    node.push(wallMs(['-e', '0']));
    cli.push(wallMs([bin, 'analyze', file]));
    uncached.push(wallMs([bin, 'analyze', file], { NODE_DISABLE_COMPILE_CACHE: '1' }));
  }
  rmSync(dir, { recursive: true, force: true });
  const cliMs = median(cli);
  const nodeMs = median(node);
  const note = `median of 21 processes; node -e 0: ${nodeMs.toFixed(0)} ms; without the code cache (a first run): ${median(uncached).toFixed(0)} ms`;
  return [
    { id: 'cli-cold-start', label: 'sso-lens analyze, one base64 Response, cold start', value: cliMs, unit: 'ms', target: 150, inclusive: true, note },
    { id: 'cli-cold-start-ratio', label: 'sso-lens cold start ÷ node -e 0', value: cliMs / nodeMs, unit: 'x', note: 'same 21 interleaved rounds' },
  ];
}

async function* chunksOf(text: string): AsyncIterable<Uint8Array> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += 1 << 20) yield bytes.subarray(i, i + (1 << 20));
}

interface BigRun {
  read: number;
  analysis: number;
  reports: number;
  total: number;
  cpu: [number, number, number];
}

/** One pass over the HAR text: read, analyzed, reported as text and JSON, in this process. */
async function bigReportRun(text: string): Promise<BigRun> {
  // CPU time beside wall time: on a shared machine the wall figure also measures the other processes.
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const [t0, c0] = [performance.now(), cpu()];
  const { entries } = await readCaptureStream(chunksOf(text), { keep: slimEntry });
  const [t1, c1] = [performance.now(), cpu()];
  const analysis = await analyzeWithTrust(entries);
  const [t2, c2] = [performance.now(), cpu()];
  const model = buildReport(analysis, ['bench.har']);
  const out = toTextReport(analysis, PLAIN, model).length + JSON.stringify(toJsonReport(analysis, ['bench.har']), null, 2).length;
  const [t3, c3] = [performance.now(), cpu()];
  if (analysis.messages.length !== 20_000 || !out) throw new Error(`expected 20,000 messages, got ${analysis.messages.length}`);
  return { read: t1 - t0, analysis: t2 - t1, reports: t3 - t2, total: t3 - t0, cpu: [c1 - c0, c2 - c1, c3 - c2] };
}

/** 10,000 sign-ins (20,000 messages) read from HAR text, analyzed, and reported as text and JSON: the median of `runs`. */
export async function bigReportLines(runs = 3): Promise<Line[]> {
  const text = har(signInEntries(10_000, 10));
  const all: BigRun[] = [];
  for (let i = 0; i < runs; i++) all.push(await bigReportRun(text));
  const totals = all.map((r) => r.total);
  const m = all.find((r) => r.total === median(totals))!;
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const note =
    `${(Buffer.byteLength(text) / 1024 ** 2).toFixed(0)} MB HAR, median of ${runs} runs (${totals.map((t) => (t / 1000).toFixed(1)).join(', ')} s); ` +
    `that run: read ${ms(m.read)}, analysis ${ms(m.analysis)}, reports ${ms(m.reports)} (CPU: ${m.cpu.map(ms).join(', ')})`;
  return [
    { id: 'cli-20k-messages-total', label: 'sso-lens, 20,000-message HAR end to end', value: m.total, unit: 'ms', target: 10_000, inclusive: true, note },
    // CPU time is what this process did, whatever else ran: the figure to compare between runs on a busy machine.
    { id: 'cli-20k-messages-cpu', label: '  (CPU time for it)', value: m.cpu[0] + m.cpu[1] + m.cpu[2], unit: 'ms', note: 'process.cpuUsage(), user + system, of the median run' },
    { id: 'cli-20k-report-ratio', label: 'text + JSON report ÷ analysis, 20,000 messages', value: median(all.map((r) => r.reports / r.analysis)), unit: 'x', target: 0.5, inclusive: true, note: `median of ${runs} runs` },
  ];
}

/**
 * The 20,000-message HAR line in a fresh process, as the command runs: in the bench's own process it also paid
 * for collecting the heap that earlier lines leave behind.
 */
export function bigReportLinesFresh(): Line[] {
  const script = fileURLToPath(new URL('./cli-20k.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--import', 'tsx', script], { cwd: PROJECT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const lines = JSON.parse(out.trim().split('\n').pop()!) as Line[];
  return lines.map((l) => (l.note && l.id === 'cli-20k-messages-total' ? { ...l, note: `${l.note}; in a fresh process` } : l));
}

/**
 * A generated 1 GB HAR, 5% of its entries SAML sign-in Responses, the rest page traffic with ~20 KB bodies,
 * analyzed by the bundled command in a child process whose peak RSS it reports on exit.
 */
export function hugeHarLine(bin: string, gigabytes = 1): Line {
  const dir = mkdtempSync(join(tmpdir(), 'sso-lens-bench-huge-'));
  const file = join(dir, 'huge.har');
  try {
    const plain = nonSamlEntries(19, 20 * 1024).map((e) => JSON.stringify(e));
    const saml = JSON.stringify(entraResponseEntry(entraResponseXml(150)));
    const fd = openSync(file, 'w');
    writeSync(fd, '{"log":{"version":"1.2","creator":{"name":"bench","version":"1"},"entries":[');
    let bytes = 0;
    let count = 0;
    let samlCount = 0;
    while (bytes < gigabytes * 1024 ** 3) {
      const chunk: string[] = [];
      for (let i = 0; i < 20; i++) {
        const entry = i === 19 ? saml : plain[i]!;
        if (i === 19) samlCount++;
        chunk.push(entry);
        count++;
      }
      const text = `${bytes ? ',' : ''}${chunk.join(',')}`;
      bytes += writeSync(fd, text);
    }
    writeSync(fd, ']}}');
    closeSync(fd);
    const size = statSync(file).size;
    const reportRss = 'data:text/javascript,process.on("exit",()=>process.stderr.write("maxRSS="+process.resourceUsage().maxRSS+"\\n"))';
    const start = performance.now();
    const r = spawnSync(process.execPath, ['--import', reportRss, bin, 'analyze', '--json', file], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const seconds = (performance.now() - start) / 1000;
    const rssKb = Number(/maxRSS=(\d+)/.exec(r.stderr)?.[1]);
    if ((r.status !== 0 && r.status !== 1) || !rssKb) throw new Error(`the 1 GB HAR run failed (${r.status}): ${r.stderr.slice(0, 500)}`);
    return {
      id: 'cli-1gb-har-peak-rss',
      label: `sso-lens, ${gigabytes} GB HAR (5% SAML), peak RSS`,
      value: rssKb / 1024,
      unit: 'MB',
      target: 600,
      inclusive: true,
      note: `${(size / 1024 ** 3).toFixed(2)} GB, ${count} entries (${samlCount} SAML), ${seconds.toFixed(1)} s`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
