// Signature verification of the Entra workload (150 groups), signed at bench time with a 2048-bit RSA key as
// Entra signs by default (the assertion, RSA-SHA256), against xml-crypto verifying the same bytes.
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { makeKeys, signXml } from '../tests/support/xml-signing';
import { verifyMessage } from '../utils/crypto/index';
import type { TrustMaterial } from '../utils/trust/types';
import { entraResponseXml } from './inputs';
import type { Line } from './report';
import { median, sink } from './timing';

const DSIG = 'http://www.w3.org/2000/09/xmldsig#';

async function timeAsync(fn: () => Promise<unknown>, { warmup = 20, runs = 200, budgetMs = 10_000 } = {}) {
  let keep: unknown = sink;
  for (let i = 0; i < warmup; i++) keep = await fn();
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    keep = await fn();
    samples.push(performance.now() - t0);
    if (performance.now() - started > budgetMs && samples.length >= 5) break;
  }
  if (keep === undefined) throw new Error('no result');
  return { medianMs: median(samples), runs: samples.length };
}

export async function signatureLines(): Promise<Line[]> {
  const keys = makeKeys('rsa:2048', { cn: 'bench-idp' });
  // The fixture's own signature is sanitised (not verifiable): sign the grown message afresh.
  const unsigned = entraResponseXml(150).replace(/<Signature[\s\S]*?<\/Signature>/, '');
  const xml = signXml(unsigned, { keys, target: 'assertion' });
  const trust: TrustMaterial = { certificates: [keys.certPem] };

  const ours = async () => {
    const r = await verifyMessage(xml, trust);
    if (r.signatures[0]?.outcome !== 'valid' || !r.signatures[0].trusted) throw new Error(`the bench message does not verify: ${r.signatures[0]?.detail}`);
    return r;
  };
  const theirs = async () => {
    const sig = new SignedXml({ publicCert: keys.certPem });
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    sig.loadSignature(doc.getElementsByTagNameNS(DSIG, 'Signature')[0]! as unknown as Node);
    if (!sig.checkSignature(xml)) throw new Error('xml-crypto does not verify the bench message');
    return sig;
  };

  const one = await timeAsync(ours, { warmup: 50, runs: 400 });
  const base = await timeAsync(theirs, { warmup: 50, runs: 400 });
  // Alternating rounds, so both see the same machine load (as bench/timing.ts `ratio` does for sync code).
  const ratios: number[] = [];
  for (let r = 0; r < 15; r++) {
    const s = (await timeAsync(ours, { warmup: 3, runs: 20 })).medianMs;
    const b = (await timeAsync(theirs, { warmup: 3, runs: 20 })).medianMs;
    ratios.push(s / b);
  }
  const size = `${(xml.length / 1024).toFixed(1)} KB`;
  return [
    { id: 'verify-entra-150-groups', label: 'verify a signed Entra Response, 150 groups', value: one.medianMs, unit: 'ms', target: 3, note: `RSA-SHA256 2048-bit, assertion signed, trusted certificate given; parse + digest + signature; ${size}; ${one.runs} runs` },
    { id: 'xml-crypto-verify-entra-150-groups', label: '  (baseline: xml-crypto, same message)', value: base.medianMs, unit: 'ms', note: `parse + loadSignature + checkSignature; ${base.runs} runs` },
    { id: 'verify-vs-xml-crypto-ratio', label: 'verify ÷ xml-crypto, same process', value: median(ratios), unit: 'x', target: 1, inclusive: true, note: 'median of 15 alternating rounds' },
  ];
}
