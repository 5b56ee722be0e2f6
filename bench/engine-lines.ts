// The engine's lines: detect on everyday traffic, one large Response against a DOM parse, a support engineer's
// HAR file, and group parity against a large organization.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import { analyzeSaml } from '../tests/support/saml-analysis';
import { computeParity, indexOrgGroups } from '../utils/groups/parity';
import { readCapture } from '../utils/har/read-capture';
import { decodeSamlValue } from '../utils/saml/decode';
import { detectSaml } from '../utils/saml/detect';
import { readMessage } from '../utils/saml/model';
import { parseXml } from '../utils/saml/parse';
import { bigHar, entraResponseEntry, entraResponseXml, nonSamlEntries, parityWorkload } from './inputs';
import type { Line } from './report';
import { ratio, time } from './timing';
import type { HarMemory } from './har-memory';

export function detectLine(): Line {
  const entries = nonSamlEntries(10_000);
  const t = time(
    () => {
      let found = 0;
      for (const e of entries) if (detectSaml(e)) found++;
      if (found) throw new Error('the non-SAML workload was detected as SAML');
      return found;
    },
    { warmup: 20, runs: 200 },
  );
  return { id: 'detect-10k-non-saml', label: 'detect, 10,000 non-SAML entries (total)', value: t.medianMs, unit: 'ms', target: 10, note: `${t.runs} runs` };
}

export function entraLines(): Line[] {
  const xml = entraResponseXml(150);
  const entry = entraResponseEntry(xml);
  const check = analyzeSaml([entry]);
  const groups = check.messages[0]?.assertions[0]?.attributes.find((a) => a.name.endsWith('/claims/groups'))?.values.length;
  if (groups !== 150) throw new Error(`the Entra workload did not read 150 groups (got ${groups})`);
  const one = time(() => analyzeSaml([entry]), { warmup: 200, runs: 1000 });
  const parse = () => new DOMParser().parseFromString(xml, 'text/xml');
  const dom = time(parse, { warmup: 200, runs: 1000 });
  const r = ratio(() => analyzeSaml([entry]), parse, { rounds: 21, runsPerRound: 40 });
  const size = `${(xml.length / 1024).toFixed(1)} KB of XML`;
  return [
    { id: 'analyze-entra-150-groups', label: 'analyze one Entra Response, 150 groups', value: one.medianMs, unit: 'ms', target: 2, note: `end to end from the HAR entry; ${size}; ${one.runs} runs; by stage: ${stages(entry)}` },
    { id: 'xmldom-parse-entra-150-groups', label: '  (baseline: xmldom DOMParser, same XML)', value: dom.medianMs, unit: 'ms', note: `${dom.runs} runs` },
    { id: 'analyze-vs-xmldom-ratio', label: 'analyze ÷ xmldom parse, same process', value: r.ratio, unit: 'x', target: 1, inclusive: true, note: `median of 21 alternating rounds (analyze ${r.subjectMs.toFixed(3)} ms, DOM ${r.baselineMs.toFixed(3)} ms)` },
  ];
}

/** A breakdown by pipeline stage (each timed alone), so a miss points at the stage to work on. */
function stages(entry: ReturnType<typeof entraResponseEntry>): string {
  const field = detectSaml(entry)!.messages[0]!;
  const decoded = decodeSamlValue(field.value, field.binding);
  if (!decoded.ok) throw new Error('the Entra workload does not decode');
  const parsed = parseXml(decoded.text);
  if (!parsed.ok) throw new Error('the Entra workload does not parse');
  const o = { warmup: 200, runs: 1000 };
  const ms = (fn: () => unknown) => time(fn, o).medianMs;
  const all = ms(() => analyzeSaml([entry]));
  const noRules = ms(() => analyzeSaml([entry], { rules: [] }));
  const parts: Array<[string, number]> = [
    ['detect', ms(() => detectSaml(entry))],
    ['base64', ms(() => decodeSamlValue(field.value, field.binding))],
    ['parse (one pass for plain XML, else validator + fast-xml-parser)', ms(() => parseXml(decoded.text))],
    ['model', ms(() => readMessage('Response', parsed.root))],
    ['rules (analyze minus analyze without rules)', all - noRules],
  ];
  return parts.map(([name, t]) => `${name} ${t.toFixed(3)} ms`).join(', ');
}

export function harLines(): Line[] {
  const h = bigHar();
  const run = () => analyzeSaml(readCapture(h.text).entries);
  const check = run();
  if (check.messages.length !== h.samlEntries) throw new Error(`the HAR workload gave ${check.messages.length} SAML messages, expected ${h.samlEntries}`);
  const t = time(run, { warmup: 3, runs: 25, budgetMs: 20_000 });
  const entries = readCapture(h.text).entries;
  const onlyAnalyze = time(() => analyzeSaml(entries), { warmup: 3, runs: 25 });
  const memory = harMemory(h.text);
  const mb = (h.bytes / 1024 / 1024).toFixed(2);
  return [
    { id: 'analyze-har-5mb', label: `analyze a ${mb} MB HAR, 1,000 entries (20 SAML)`, value: t.medianMs, unit: 'ms', target: 250, note: `readCapture (JSON) + analyze; analyze alone ${onlyAnalyze.medianMs.toFixed(1)} ms; ${t.runs} runs` },
    { id: 'analyze-har-5mb-peak-rss', label: '  peak memory for it (RSS high-water growth)', value: memory.peakRssMb, unit: 'MB', note: `process.resourceUsage().maxRSS in a fresh process, from after the file text is loaded to after analysis; heap used at the end ${memory.heapAfterMb.toFixed(1)} MB (+${memory.heapDeltaMb.toFixed(1)} MB, results kept alive)` },
  ];
}

/** Memory is measured in a fresh process so that earlier lines' garbage and high-water marks do not count. */
function harMemory(text: string): HarMemory {
  const dir = mkdtempSync(join(tmpdir(), 'bench-har-'));
  try {
    const file = join(dir, 'capture.har');
    writeFileSync(file, text);
    const script = fileURLToPath(new URL('./har-memory.ts', import.meta.url));
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, file], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop()!) as HarMemory;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function parityLines(): Line[] {
  const { orgs, values } = parityWorkload(10_000, 200);
  const check = computeParity(values, orgs);
  if (!check.values.some((v) => v.status === 'exact') || !check.values.some((v) => v.status === 'case-only')) {
    throw new Error('the parity workload no longer mixes exact and case-only matches');
  }
  const cold = time(() => computeParity(values, orgs), { warmup: 20, runs: 200 });
  const index = indexOrgGroups(orgs);
  const warm = time(() => computeParity(values, index), { warmup: 200, runs: 2000 });
  return [
    { id: 'parity-200-vs-10k', label: 'parity, 200 assertion groups vs 10,000 org groups', value: cold.medianMs, unit: 'ms', target: 5, note: `including indexing the organization (first view); ${cold.runs} runs` },
    { id: 'parity-200-vs-10k-indexed', label: '  (same, organization already indexed)', value: warm.medianMs, unit: 'ms', note: `as rules do it: the index is built once per group list; ${warm.runs} runs` },
  ];
}
