// Hostile input (issue: each gives its finding "in well under a second"): the slowest of the cases, each timed
// through the whole engine from a HAR entry. Speed is measured here, not in unit tests.
import { deflateRawSync } from 'node:zlib';
import { b64, postEntry, redirectEntry } from '../tests/support/har-builder';
import { analyze } from '../utils/analyze';
import type { HarEntry } from '../utils/har/types';
import type { Line } from './report';
import { time } from './timing';

const post = (value: string) => postEntry('https://sp.example/acs', 'SAMLResponse', value);
const redirect = (value: string) => redirectEntry('https://idp.example/sso', 'SAMLRequest', value);

function cases(): Array<[string, HarEntry, string]> {
  const lol = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><Response>&lol9;</Response>`;
  const deflated = deflateRawSync(Buffer.from(`<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_x">${'a'.repeat(5000)}</samlp:AuthnRequest>`));
  const truncated = deflated.subarray(0, deflated.length >> 1);
  return [
    ['bad base64', post('%%%not base64%%%'), 'decode-failed'],
    ['truncated deflate', redirect(truncated.toString('base64')), 'decode-failed'],
    ['non-SAML form reusing the field', post(b64('hello world, this is a form')), 'decode-failed'],
    ['XXE external entity', post(b64('<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Response>&x;</Response>')), 'xml-unsafe'],
    ['billion laughs', post(b64(lol)), 'xml-unsafe'],
    ['100,000-deep nesting', post(b64('<a>'.repeat(100_000) + '</a>'.repeat(100_000))), 'xml-unsafe'],
    ['12 MB body', post('A'.repeat(12 * 1024 * 1024)), 'decode-failed'],
  ];
}

export function hostileLine(): Line {
  const results = cases().map(([name, entry, rule]) => {
    const found = analyze([entry]).findings.map((f) => f.rule);
    if (!found.includes(rule)) throw new Error(`hostile input "${name}" gave ${found.join(', ') || 'no finding'}, not ${rule}`);
    return { name, ms: time(() => analyze([entry]), { warmup: 2, runs: 15 }).medianMs };
  });
  const worst = results.reduce((a, b) => (b.ms > a.ms ? b : a));
  return {
    id: 'hostile-input-slowest',
    label: 'hostile input, slowest of 7 cases, to its finding',
    value: worst.ms,
    unit: 'ms',
    target: 100,
    note: `slowest: ${worst.name}; ${results.map((r) => `${r.name} ${r.ms.toFixed(2)}`).join(', ')} ms; 15 runs each`,
  };
}
