import type { RedactionCounts, RedactionKind } from './placeholders';

export interface RedactionSummary {
  /** Replacements by kind, each occurrence counted. */
  counts: RedactionCounts;
  total: number;
}

const NAMES: Record<RedactionKind, [string, string]> = {
  email: ['e-mail', 'e-mails'],
  token: ['token', 'tokens'],
  jwt: ['JWT', 'JWTs'],
  cookie: ['cookie', 'cookies'],
  'credential-header': ['credential header', 'credential headers'],
  nameid: ['NameID', 'NameIDs'],
  'attribute-value': ['attribute value', 'attribute values'],
  group: ['group name', 'group names'],
  'session-index': ['session index', 'session indexes'],
  address: ['client address', 'client addresses'],
  'status-message': ['name in a status message', 'names in status messages'],
  signature: ['signature value', 'signature values'],
  certificate: ['certificate', 'certificates'],
  'encrypted-data': ['encrypted value', 'encrypted values'],
  'form-field': ['form field', 'form fields'],
  'json-value': ['JSON value', 'JSON values'],
  body: ['body', 'bodies'],
  'saml-message': ['SAML message re-encoded', 'SAML messages re-encoded'],
};

/** Kinds in the order a reader cares about: people and credentials first. */
const ORDER: RedactionKind[] = ['email', 'nameid', 'token', 'jwt', 'cookie', 'credential-header', 'attribute-value', 'group', 'session-index', 'address', 'status-message', 'form-field', 'json-value', 'body', 'signature', 'certificate', 'encrypted-data', 'saml-message'];

export function summarize(counts: RedactionCounts): RedactionSummary {
  const copy: RedactionCounts = {};
  let total = 0;
  for (const kind of ORDER) {
    const n = counts[kind];
    if (!n) continue;
    copy[kind] = n;
    if (kind !== 'saml-message') total += n;
  }
  return { counts: copy, total };
}

/** `[[14, 'e-mails'], [3, 'tokens'], …]` */
export function summaryItems(summary: RedactionSummary): Array<[number, string]> {
  return ORDER.filter((k) => summary.counts[k]).map((k) => {
    const n = summary.counts[k]!;
    return [n, NAMES[k][n === 1 ? 0 : 1]];
  });
}

/** "replaced 14 e-mails, 3 tokens, 2 cookies; 2 SAML messages re-encoded" */
export function describeSummary(summary: RedactionSummary): string {
  const items = summaryItems(summary);
  if (!items.length) return 'nothing to replace was found';
  const replaced = items.filter(([, name]) => !name.startsWith('SAML message')).map(([n, name]) => `${n} ${name}`);
  const saml = items.find(([, name]) => name.startsWith('SAML message'));
  const parts = [];
  if (replaced.length) parts.push(`replaced ${replaced.join(', ')}`);
  if (saml) parts.push(`${saml[0]} ${saml[1]}`);
  return parts.join('; ');
}
