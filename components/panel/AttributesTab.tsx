import { computeParity, type ValueParity } from '@/utils/groups/parity';
import type { OrgGroups } from '@/utils/rules/types';
import { shortAttributeName } from '@/utils/saml/short-attribute-name';
import type { Attribute, SamlMessage } from '@/utils/saml/types';
import { BreakableUrl } from './BreakableUrl';

export interface AttributesTabProps {
  message: SamlMessage;
  /** Attribute names (or claim URIs) the target service reads groups from. */
  groupAttributes: readonly string[];
  /** Cached organization group lists; group values are checked against them when present. */
  orgGroups?: readonly OrgGroups[];
  /** Memberships come from SCIM: the group values here name groups but set no membership. */
  scim?: boolean;
}

const PARITY_LABEL: Record<ValueParity['status'], string> = {
  exact: 'matched',
  'case-only': 'case-only',
  default: 'default group',
  none: 'unknown',
};

function parityTitle(p: ValueParity): string {
  if (p.status === 'exact') return `Names a group in ${p.exactIn.join(', ')}`;
  if (p.status === 'case-only') return p.caseOnly.map((c) => `${c.organization} spells it "${c.orgSpelling.join('" or "')}" (names must match exactly)`).join('; ');
  if (p.status === 'default') return `The default group of ${p.defaultIn.join(', ')}: group sync ignores it`;
  return 'No cached organization has a group of this name';
}

export function isGroupAttribute(attr: Attribute, names: readonly string[]): boolean {
  return names.includes(attr.name) || (attr.friendlyName !== undefined && names.includes(attr.friendlyName));
}

function AttributeRow({ attr, parity }: { attr: Attribute; parity?: Map<string, ValueParity> }) {
  const short = shortAttributeName(attr.name);
  return (
    <tr>
      <td>
        {short ? (
          // The short name a reader knows, the full URI under it (wrapping at / # :) and on hover.
          <>
            <strong class="attr-short" title={attr.name} data-testid="attribute-short-name">
              {short}
            </strong>{' '}
            <code class="attr-name muted">
              <BreakableUrl url={attr.name} />
            </code>
          </>
        ) : (
          <code class="attr-name">{attr.name}</code>
        )}
        {parity && <span class="tag">groups</span>}
      </td>
      <td>{attr.friendlyName ?? <span class="muted">—</span>}</td>
      <td>
        {attr.values.length ? (
          <ul class="values">
            {attr.values.map((v, i) => {
              const p = parity?.get(v);
              return (
                <li key={i}>
                  <code data-testid="attribute-value">{v}</code>
                  {v !== v.trim() && <span class="tag tag-warning">spaces around the value</span>}
                  {p && (
                    <span class={`tag parity-${p.status}`} data-testid="group-parity" data-status={p.status} title={parityTitle(p)}>
                      {PARITY_LABEL[p.status]}
                      {p.status === 'case-only' && ` (org: ${p.caseOnly[0]!.orgSpelling[0]})`}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        ) : (
          <span class="muted">no value</span>
        )}
      </td>
    </tr>
  );
}

export function AttributesTab({ message, groupAttributes, orgGroups, scim = false }: AttributesTabProps) {
  if (!message.assertions.length) {
    return (
      <p class="tab-empty">
        {message.encryptedAssertions
          ? 'The assertion is encrypted: its attributes can only be read by the SP.'
          : message.kind === 'Response'
            ? 'This Response carries no assertion.'
            : `A ${message.kind} carries no attributes.`}
      </p>
    );
  }
  const hasGroups = !!orgGroups?.length;
  return (
    <div class="attributes">
      {message.assertions.map((a, i) => {
        const groupAttrs = a.attributes.filter((attr) => isGroupAttribute(attr, groupAttributes));
        return (
          <section key={i}>
            {message.assertions.length > 1 && <h3>Assertion {i + 1}</h3>}
            {a.attributes.length ? (
              <table class="attr-table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Friendly name</th>
                    <th scope="col">Values</th>
                  </tr>
                </thead>
                <tbody>
                  {a.attributes.map((attr, j) => {
                    const parity =
                      hasGroups && groupAttrs.includes(attr)
                        ? new Map(computeParity(attr.values, orgGroups!).values.map((p) => [p.value, p]))
                        : undefined;
                    return <AttributeRow key={j} attr={attr} parity={parity} />;
                  })}
                </tbody>
              </table>
            ) : (
              <p class="tab-empty">The assertion has no attributes.</p>
            )}
            {groupAttrs.length > 0 && scim && (
              <p class="muted hint" role="note">
                With SCIM provisioning, group memberships come from SCIM, not from this assertion: these values neither add nor remove a group.
              </p>
            )}
            {groupAttrs.length > 0 && !hasGroups && (
              <p class="muted hint">Import your organization's group list (options page) to see which group values match.</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
