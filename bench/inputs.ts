// The workloads the budgets speak of, built deterministically so that every run measures the same bytes.
import { b64, deflateB64, fixtureXml, har, plainEntry, postEntry, redirectEntry } from '../tests/support/har-builder';
import type { HarEntry } from '../utils/har/types';
import type { OrgGroups } from '../utils/rules/types';

/** A small seeded PRNG (mulberry32): the same "random" HAR on every machine. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function guid(rand: () => number): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

const ACS = 'https://sonarcloud.io/sessions/saml/acs';
const IDP = 'https://login.microsoftonline.com/25f4519b-eca5-405d-b516-123af862c268/saml2';
const ENTRA_GROUPS_CLAIM = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups';

/**
 * The real Entra ID Response fixture, sent to SonarQube Cloud, with a groups claim of `count` object IDs added
 * (Entra sends group object IDs unless told otherwise), as Entra formats attributes.
 */
export function entraResponseXml(count = 150, inResponseTo?: string): string {
  const rand = seeded(150);
  const values = Array.from({ length: count }, () => `\n\t\t\t\t<AttributeValue>${guid(rand)}</AttributeValue>`).join('');
  const groups = `\n\t\t\t<Attribute Name="${ENTRA_GROUPS_CLAIM}">${values}\n\t\t\t</Attribute>`;
  let xml = fixtureXml('entra/saml2aws-aad-response.xml')
    .replace('<AttributeStatement>', `<AttributeStatement>${groups}`)
    .replaceAll('https://signin.aws.amazon.com/saml', ACS);
  if (inResponseTo) xml = xml.replace('<samlp:Response ', `<samlp:Response InResponseTo="${inResponseTo}" `);
  if (!xml.includes(ENTRA_GROUPS_CLAIM)) throw new Error('the Entra fixture changed: no AttributeStatement to add groups to');
  return xml;
}

/** The HTTP-POST of that Response to the ACS, as Chrome records it. */
export function entraResponseEntry(xml: string, time?: string): HarEntry {
  return postEntry(ACS, 'SAMLResponse', b64(xml), { relayState: '/organizations/acme', ...(time ? { time } : {}) });
}

export function authnRequestEntry(id: string, time: string): HarEntry {
  const xml = fixtureXml('requests/crewjam-authn-request.xml')
    .replace(/ID="[^"]+"/, `ID="${id}"`)
    .replace(/AssertionConsumerServiceURL="[^"]+"/, `AssertionConsumerServiceURL="${ACS}"`);
  return redirectEntry(IDP, 'SAMLRequest', deflateB64(xml), { relayState: '/organizations/acme', time });
}

const PATHS = ['/api/v2/items', '/static/app.js', '/graphql', '/assets/logo.svg', '/analytics/collect', '/login', '/api/user'];
const HOSTS = ['app.example.com', 'cdn.example.net', 'login.microsoftonline.com', 'sonarcloud.io', 'telemetry.example.org'];

/**
 * Everyday traffic that is not SAML: GETs with query strings, JSON and form POSTs (the form fields are the
 * ones detect must look at and reject), some with "Saml"-free bodies of a few KB.
 */
export function nonSamlEntries(count: number, bodyBytes = 0, seed = 7): HarEntry[] {
  const rand = seeded(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const filler = (n: number) => {
    let s = '';
    while (s.length < n) s += `function f${Math.floor(rand() * 1e6)}(a,b){return a.map(x=>x*b).filter(Boolean)}\n`;
    return s.slice(0, n);
  };
  return Array.from({ length: count }, (_, i) => {
    const time = new Date(Date.UTC(2024, 0, 1, 9, 0, 0, i * 37)).toISOString();
    const url = `https://${pick(HOSTS)}${pick(PATHS)}?v=${i}&session=${guid(rand)}&lang=en-US`;
    const kind = i % 10;
    let entry: HarEntry;
    if (kind < 6) entry = plainEntry(url, { time });
    else if (kind < 8) entry = plainEntry(url, { method: 'POST', time, text: JSON.stringify({ query: 'query { me { id name } }', id: guid(rand) }) });
    else {
      const params = [
        { name: 'username', value: 'jane.doe%40example.com' },
        { name: 'csrf_token', value: guid(rand) },
        { name: 'redirect_uri', value: 'https%3A%2F%2Fapp.example.com%2Fcallback' },
      ];
      entry = {
        startedDateTime: time,
        request: {
          method: 'POST',
          url,
          headers: [],
          postData: { mimeType: 'application/x-www-form-urlencoded', text: params.map((p) => `${p.name}=${p.value}`).join('&'), params },
        },
        response: { status: 302, headers: [] },
      };
    }
    entry.request.headers = [
      { name: 'Accept', value: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
      { name: 'User-Agent', value: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36' },
      { name: 'Cookie', value: `sid=${guid(rand)}; theme=dark` },
    ];
    entry.response.headers = [
      { name: 'Content-Type', value: 'application/javascript; charset=utf-8' },
      { name: 'Cache-Control', value: 'max-age=3600' },
    ];
    if (bodyBytes) entry.response.content = { size: bodyBytes, mimeType: 'application/javascript', text: filler(bodyBytes) };
    return entry;
  });
}

export interface BigHar {
  text: string;
  bytes: number;
  entries: number;
  samlEntries: number;
}

/** `count` SP-initiated sign-ins, a minute apart: a Redirect AuthnRequest and the POSTed Entra Response answering it. */
export function signInEntries(count: number, groups = 150): HarEntry[] {
  const out: HarEntry[] = [];
  for (let i = 0; i < count; i++) {
    const id = `_req-${i}-${'0'.repeat(30)}`;
    const at = Date.UTC(2024, 0, 1, 9, 5 + i, 0);
    out.push(authnRequestEntry(id, new Date(at).toISOString()));
    out.push(entraResponseEntry(entraResponseXml(groups, id), new Date(at + 2000).toISOString()));
  }
  return out;
}

/**
 * A support engineer's HAR: `total` exchanges of about `targetBytes` in all, among them `signIns` SP-initiated
 * sign-ins (a Redirect AuthnRequest and the POSTed Entra Response answering it), spread through the capture.
 */
export function bigHar(total = 1000, signIns = 10, targetBytes = 5 * 1024 * 1024): BigHar {
  const saml = signInEntries(signIns);
  const plainCount = total - saml.length;
  const build = (body: number) => {
    const plain = nonSamlEntries(plainCount, body);
    const step = Math.floor(plain.length / signIns);
    const entries: HarEntry[] = [];
    for (let i = 0; i < signIns; i++) entries.push(...plain.slice(i * step, (i + 1) * step), saml[2 * i]!, saml[2 * i + 1]!);
    entries.push(...plain.slice(signIns * step));
    return { entries, text: har(entries) };
  };
  // Response bodies make up the size, as in real captures. JSON escaping makes a body's share of the file
  // larger than its length, so the body size is corrected until the file is within 1% of the target.
  const base = Buffer.byteLength(build(0).text);
  let body = Math.floor((targetBytes - base) / plainCount);
  for (let i = 0; i < 5 && body > 0; i++) {
    const bytes = Buffer.byteLength(build(body).text);
    if (Math.abs(bytes - targetBytes) < targetBytes / 100) break;
    body = Math.floor((body * (targetBytes - base)) / (bytes - base));
  }
  const { entries, text } = build(body);
  return { text, bytes: Buffer.byteLength(text), entries: entries.length, samlEntries: saml.length };
}

/** An organization of `count` groups (a default group among them) and an assertion carrying `sent` of them. */
export function parityWorkload(count = 10_000, sent = 200): { orgs: OrgGroups[]; values: string[] } {
  const rand = seeded(10_000);
  const groups: OrgGroups['groups'] = [{ name: 'Members', isDefault: true }];
  for (let i = 1; i < count; i++) groups.push({ name: `team-${i.toString(36)}-${guid(rand).slice(0, 8)}` });
  // A realistic mix: most values match exactly, some differ in case, some are unknown, one is the default group.
  const values: string[] = ['Members'];
  for (let i = 1; i < sent; i++) {
    const name = groups[1 + Math.floor(rand() * (count - 1))]!.name;
    values.push(i % 10 === 0 ? name.toUpperCase() : i % 10 === 1 ? `unknown-${i}` : name);
  }
  return { orgs: [{ organization: 'acme', groups }], values };
}
