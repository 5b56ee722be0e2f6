// `npm run bench`: measures the speed and size budgets on this machine, prints them against their targets,
// writes bench/results.json, and fails when a line got more than 2× worse than the committed results.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildBoth, existingBuilds, sizeLines } from './bundle-sizes';
import { panelList10kLines, recorderAddLines } from './capacity-lines';
import { bigReportLinesFresh, buildCli, coldStartLines, hugeHarLine } from './cli-lines';
import { detectLine, entraLines, harLines, parityLines } from './engine-lines';
import { hostileLine } from './hostile-lines';
import { detectBothLine, detectPerExchangeLines, idTokenLine } from './oidc-lines';
import { panelAnalyze10kLines, panelAnalyzeLine } from './panel-analyze';
import { panelListLine } from './panel-render';
import { signatureLines } from './signature-lines';
import { REGRESSION_FACTOR, formatValue, regressions, table, verdict, type Line, type Results } from './report';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));
const args = new Set(process.argv.slice(2));

if (args.has('--help')) {
  console.log(`npm run bench [-- options]
  --no-build    measure the existing .output/ builds and zips instead of building into a temporary folder
  --no-sizes    skip the build and size lines
  --no-write    do not update bench/results.json
  --no-huge     skip the 1 GB HAR line (it writes a 1 GB temporary file)`);
  process.exit(0);
}

/** The results as last committed (what a regression is measured against), else the file on disk. */
function committedResults(): Results | undefined {
  try {
    return JSON.parse(execFileSync('git', ['show', 'HEAD:bench/results.json'], { cwd: PROJECT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Results;
  } catch {
    return existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Results) : undefined;
  }
}

function step<T>(name: string, fn: () => T): T {
  process.stderr.write(`… ${name}\n`);
  return fn();
}

// Wall times on a shared machine also measure the other processes: the load goes with every figure.
const loadAtStart = loadavg()[0]!;
process.stderr.write(`load average at start: ${loadavg().map((n) => n.toFixed(2)).join(', ')} on ${cpus().length} CPUs\n`);

const lines: Line[] = [];
lines.push(step('detect', detectLine));
lines.push(step('detect with OIDC', detectBothLine));
lines.push(await step('decode + rules of an ID token', idTokenLine));
lines.push(...(await step('OIDC detect + read per exchange', detectPerExchangeLines)));
lines.push(...step('analyze one Entra Response', entraLines));
lines.push(...step('analyze a 5 MB HAR', harLines));
lines.push(...step('group parity', parityLines));
lines.push(step('hostile input', hostileLine));
lines.push(step('panel re-analysis', panelAnalyzeLine));
lines.push(...step('panel at 10,000 exchanges', panelAnalyze10kLines));
process.stderr.write('… panel list\n');
lines.push(await panelListLine());
lines.push(...step('recorder at 10,000 exchanges', recorderAddLines));
process.stderr.write('… panel list, 10,000 messages\n');
lines.push(...(await panelList10kLines()));
process.stderr.write('… verify a signed Entra Response\n');
lines.push(...(await signatureLines()));
{
  const cli = step('build the command line', buildCli);
  try {
    lines.push(...step('command line cold start', () => coldStartLines(cli.bin)));
    process.stderr.write('… command line, 20,000 messages\n');
    lines.push(...bigReportLinesFresh());
    if (!args.has('--no-huge')) lines.push(step('command line, 1 GB HAR', () => hugeHarLine(cli.bin)));
  } finally {
    cli.dispose();
  }
}
if (!args.has('--no-sizes')) {
  if (args.has('--no-build')) lines.push(...sizeLines(existingBuilds(PROJECT)));
  else {
    const { builds, dispose } = step('build Chrome and Firefox', buildBoth);
    try {
      lines.push(...sizeLines(builds));
    } finally {
      dispose();
    }
  }
}

const loadAtEnd = loadavg()[0]!;
const previous = committedResults();
console.log(`\n${table(lines, previous)}\n`);
console.log(`Load average (1 min): ${loadAtStart.toFixed(2)} at start, ${loadAtEnd.toFixed(2)} at the end, on ${cpus().length} CPUs.`);
for (const l of lines) if (l.note) console.log(`· ${l.label.trim()}: ${l.note}`);

const cpu = cpus();
const results: Results = {
  machine: {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    loadAverage: { start: Number(loadAtStart.toFixed(2)), end: Number(loadAtEnd.toFixed(2)) },
  },
  measuredAt: new Date().toISOString(),
  lines: lines.map((l) => ({ ...l, value: Number(l.value.toPrecision(4)), verdict: verdict(l) })),
};
if (!args.has('--no-write')) writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);

const missed = lines.filter((l) => verdict(l) === 'MISS');
if (missed.length) console.log(`\n${missed.length} line(s) over target: ${missed.map((l) => l.id).join(', ')}`);
const worse = regressions(previous, lines);
if (worse.length) {
  console.error(`\nRegression: more than ${REGRESSION_FACTOR}× the committed figure on ${worse.length} line(s):`);
  for (const r of worse) console.error(`  ${r.label.trim()}: ${formatValue(r.before, r.unit)} → ${formatValue(r.now, r.unit)}`);
  process.exit(1);
}
