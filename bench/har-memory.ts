// Run by engine-lines.ts in a fresh `node --expose-gc` process: memory for reading and analyzing one HAR file.
import { readFileSync } from 'node:fs';
import { analyze } from '../utils/analyze';
import { readCapture } from '../utils/har/read-capture';

export interface HarMemory {
  peakRssMb: number;
  heapDeltaMb: number;
  heapAfterMb: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const file = process.argv[2];
if (file) {
  const text = readFileSync(file, 'utf8');
  // Warm the modules and the parser on a tiny input so that code loading is not counted as the HAR's memory.
  analyze(readCapture('{"log":{"entries":[]}}').entries);
  gc();
  const rssBefore = process.resourceUsage().maxRSS;
  const heapBefore = process.memoryUsage().heapUsed;
  const result = analyze(readCapture(text).entries);
  const rssAfter = process.resourceUsage().maxRSS;
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  const mb = (n: number) => n / 1024 / 1024;
  const out: HarMemory = {
    peakRssMb: (rssAfter - rssBefore) / 1024, // maxRSS is in KB
    heapDeltaMb: mb(heapAfter - heapBefore),
    heapAfterMb: mb(heapAfter),
  };
  if (!result.messages.length) throw new Error('no SAML message in the HAR');
  console.log(JSON.stringify(out));
}
