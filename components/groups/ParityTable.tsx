import type { ParityResult, ValueParity } from '@/utils/groups/parity';
import './groups.css';

const quote = (s: string) => `“${s}”`;

/** The status cell's text for one assertion value. Plain text: values come from a captured assertion. */
export function describeValueParity(value: ValueParity): string {
  const parts: string[] = [];
  if (value.exactIn.length) parts.push(`Matched in ${value.exactIn.join(', ')}`);
  if (value.defaultIn.length) {
    parts.push(`Default group in ${value.defaultIn.join(', ')}: excluded from sync`);
  }
  for (const c of value.caseOnly) {
    parts.push(`Case-only in ${c.organization}: the organization has ${c.orgSpelling.map(quote).join(' and ')}`);
  }
  if (!parts.length) parts.push('Unknown: no cached organization has this group');
  return parts.join('; ');
}

const STATUS_LABEL: Record<ValueParity['status'], string> = {
  exact: 'matched',
  default: 'default group',
  'case-only': 'case-only',
  none: 'unknown',
};

export function ParityTable({ parity, caption = 'Groups in the assertion against the cached organizations' }: { parity: ParityResult; caption?: string }) {
  const dropped = parity.organizations.filter((o) => o.dropped.length);
  return (
    <div class="groups-parity">
      {parity.values.length === 0 ? (
        <p class="groups-empty">The assertion carries no group values.</p>
      ) : (
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Group value</th>
              <th scope="col">Status</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {parity.values.map((value) => (
              <tr key={value.value}>
                <td>
                  <code>{value.value}</code>
                </td>
                <td class={`parity-${value.status}`}>{STATUS_LABEL[value.status]}</td>
                <td>{describeValueParity(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {parity.noOrgMatch && (
        <p role="note" class="groups-error">
          No group value names a group of any cached organization: the user will sign in without any synced group.
        </p>
      )}
      {dropped.length > 0 && (
        <div>
          <h4>Removed at this sign-in (just-in-time sync)</h4>
          <ul>
            {dropped.map((o) => (
              <li key={o.organization}>
                {o.organization}: {o.dropped.join(', ')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
