// Builds HAR entries the way browsers export them, from fixture messages, for tests.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, deflateSync, inflateRawSync } from 'node:zlib';
import type { HarEntry } from '../../utils/har/types';

// A file path, not a URL: DOM test environments (happy-dom) replace the global URL class.
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/saml');

/** Every fixture file, as a path below FIXTURES (what fixtureText and fixtureXml take). */
export function fixturePaths(dir = ''): string[] {
  return readdirSync(join(FIXTURES, dir), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? fixturePaths(join(dir, d.name)) : [join(dir, d.name)]));
}

/** A fixture's text as stored (base64 or XML). */
export function fixtureText(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/** A fixture's XML, whatever its storage encoding. */
export function fixtureXml(path: string): string {
  const t = fixtureText(path).trim();
  if (t.startsWith('<')) return t;
  const bytes = Buffer.from(t, 'base64');
  if (bytes[0] === 0x3c || bytes.subarray(0, 64).toString().trimStart().startsWith('<')) return bytes.toString('utf8');
  return inflateRawSync(bytes).toString('utf8');
}

export const b64 = (xml: string) => Buffer.from(xml, 'utf8').toString('base64');
export const deflateB64 = (xml: string) => deflateRawSync(Buffer.from(xml, 'utf8')).toString('base64');
export const zlibB64 = (xml: string) => deflateSync(Buffer.from(xml, 'utf8')).toString('base64');

interface EntryOptions {
  time?: string;
  status?: number;
  relayState?: string;
  /** How the form body is stored: Chrome keeps params URL-encoded, Firefox decodes them; 'text' keeps only postData.text. */
  style?: 'chrome' | 'firefox' | 'text';
}

/** HTTP-POST binding: a form POST of the base64 message to `url`. */
export function postEntry(url: string, param: 'SAMLResponse' | 'SAMLRequest', value: string, o: EntryOptions = {}): HarEntry {
  const fields: Array<[string, string]> = [[param, value]];
  if (o.relayState !== undefined) fields.push(['RelayState', o.relayState]);
  const encoded = fields.map(([n, v]) => [n, encodeURIComponent(v)] as const);
  const style = o.style ?? 'chrome';
  return {
    startedDateTime: o.time ?? '2024-01-01T00:00:00.000Z',
    request: {
      method: 'POST',
      url,
      headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
      postData: {
        mimeType: 'application/x-www-form-urlencoded',
        text: encoded.map(([n, v]) => `${n}=${v}`).join('&'),
        ...(style === 'text' ? {} : { params: (style === 'chrome' ? encoded : fields).map(([name, value]) => ({ name, value })) }),
      },
    },
    response: { status: o.status ?? 200, headers: [] },
  };
}

/** HTTP-Redirect binding: a GET whose query carries the deflated message. */
export function redirectEntry(baseUrl: string, param: 'SAMLRequest' | 'SAMLResponse', value: string, o: EntryOptions & { sigAlg?: string; signature?: string } = {}): HarEntry {
  const q = new URLSearchParams();
  q.set(param, value);
  if (o.relayState !== undefined) q.set('RelayState', o.relayState);
  if (o.sigAlg !== undefined) q.set('SigAlg', o.sigAlg);
  if (o.signature !== undefined) q.set('Signature', o.signature);
  const url = `${baseUrl}?${q.toString()}`;
  return {
    startedDateTime: o.time ?? '2024-01-01T00:00:00.000Z',
    request: { method: 'GET', url, headers: [], queryString: [...q].map(([name, value]) => ({ name, value })) },
    response: { status: o.status ?? 302, headers: [] },
  };
}

export function plainEntry(url: string, o: { method?: string; text?: string; time?: string } = {}): HarEntry {
  return {
    startedDateTime: o.time ?? '2024-01-01T00:00:00.000Z',
    request: { method: o.method ?? 'GET', url, headers: [], ...(o.text ? { postData: { mimeType: 'application/json', text: o.text } } : {}) },
    response: { status: 200, headers: [] },
  };
}

export function har(entries: HarEntry[], creator = 'Chrome'): string {
  return JSON.stringify({ log: { version: '1.2', creator: { name: creator, version: '1' }, entries } });
}
