import type { Flow } from '../flow/types';
import { worstSeverity } from '../rules/support/severity';
import type { Finding, Severity } from '../rules/types';
import type { Message, ProtocolId } from '../protocols/types';

export type SeverityFilter = 'all' | Severity | 'clean';

export interface MessageFilters {
  /** Messages whose worst finding has this severity ('clean': no finding at all). */
  severity: SeverityFilter;
  kind: 'all' | Message['kind'];
  /** SAML, OpenID Connect, or both (absent: both). */
  protocol?: 'all' | ProtocolId;
  /** Case-insensitive, matched against what the list and the detail show about a message. */
  text: string;
}

export const NO_FILTERS: MessageFilters = { severity: 'all', kind: 'all', protocol: 'all', text: '' };

export type ListRow =
  | { type: 'flow'; flow: Flow; shown: number }
  | { type: 'message'; message: Message; flowId: string; worst: Severity | null };

/** What the text filter looks at: the list columns plus the values an admin searches for (NameID, groups, rule ids). */
function searchableText(message: Message, findings: readonly Finding[]): string {
  if (message.protocol === 'oidc') {
    const parts: Array<string | undefined> = [message.kind, 'oidc', message.carrier, message.url, message.httpStatus?.toString()];
    for (const p of message.params) parts.push(p.name, p.value.length > 500 ? undefined : p.value);
    const token = message.response?.idToken ?? message.tokens?.idToken;
    for (const [name, value] of Object.entries(token?.payload ?? {})) parts.push(name, typeof value === 'string' ? value : JSON.stringify(value));
    for (const f of findings) parts.push(f.rule, f.title, f.message);
    return parts.filter((p) => p !== undefined).join('\n').toLowerCase();
  }
  const parts: Array<string | undefined> = [
    message.kind,
    message.binding,
    message.id,
    message.inResponseTo,
    message.issuer,
    message.destination,
    message.url,
    message.relayState,
    message.status?.code,
    message.status?.message,
    message.httpStatus?.toString(),
  ];
  for (const a of message.assertions) {
    parts.push(a.subject.nameId, ...(a.conditions?.audiences ?? []));
    for (const attr of a.attributes) parts.push(attr.name, attr.friendlyName, ...attr.values);
  }
  for (const f of findings) parts.push(f.rule, f.title, f.message);
  return parts.filter((p) => p !== undefined).join('\n').toLowerCase();
}

export function messageMatches(message: Message, findings: readonly Finding[], filters: MessageFilters): boolean {
  if (filters.protocol && filters.protocol !== 'all' && message.protocol !== filters.protocol) return false;
  if (filters.kind !== 'all' && message.kind !== filters.kind) return false;
  if (filters.severity !== 'all') {
    const worst = worstSeverity(findings);
    if (filters.severity === 'clean' ? worst !== null : worst !== filters.severity) return false;
  }
  const needle = filters.text.trim().toLowerCase();
  return !needle || searchableText(message, findings).includes(needle);
}

/** The list as shown: each flow's heading, then its messages that pass the filters; empty flows are left out. */
export function listRows(
  flows: readonly Flow[],
  messages: ReadonlyMap<string, Message>,
  findingsByKey: ReadonlyMap<string, readonly Finding[]>,
  filters: MessageFilters,
): ListRow[] {
  const rows: ListRow[] = [];
  for (const flow of flows) {
    const shown: ListRow[] = [];
    for (const key of flow.messageKeys) {
      const message = messages.get(key);
      if (!message) continue;
      const findings = findingsByKey.get(key) ?? [];
      if (messageMatches(message, findings, filters)) shown.push({ type: 'message', message, flowId: flow.id, worst: worstSeverity(findings) });
    }
    if (shown.length) rows.push({ type: 'flow', flow, shown: shown.length }, ...shown);
  }
  return rows;
}
