import { useState } from 'preact/hooks';
import { ruleById } from '@/utils/rules/index';
import type { Finding, Fix } from '@/utils/rules/types';
import { SeverityBadge } from './SeverityBadge';

/** Only web links become links: a finding's text never becomes markup or a script URL. */
export function safeHref(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

type FixVendor = 'entra' | 'okta' | 'generic';
const VENDOR_LABEL: Record<FixVendor, string> = { entra: 'Entra ID', okta: 'Okta', generic: 'Any IdP' };

function FixText({ fix }: { fix: Fix }) {
  const vendors = (['entra', 'okta', 'generic'] as const).filter((v) => fix[v]);
  const [vendor, setVendor] = useState<FixVendor>(vendors[0] ?? 'generic');
  if (vendors.length === 1) {
    return (
      <div class="fix">
        <strong>How to fix: </strong>
        {fix.generic}
      </div>
    );
  }
  return (
    <div class="fix">
      <div class="fix-vendors" role="group" aria-label="How to fix, by identity provider">
        <strong>How to fix in </strong>
        {vendors.map((v) => (
          <button key={v} type="button" class="chip" aria-pressed={vendor === v} onClick={() => setVendor(v)}>
            {VENDOR_LABEL[v]}
          </button>
        ))}
      </div>
      <p>{fix[vendor]}</p>
    </div>
  );
}

function FindingItem({ finding }: { finding: Finding }) {
  const rule = ruleById(finding.rule);
  const docs = safeHref(finding.docs);
  const evidence = Object.entries(finding.evidence ?? {}).filter((e): e is [string, string] => e[1] !== undefined);
  return (
    <article class={`finding finding-${finding.severity}`} data-testid="finding" data-rule={finding.rule} data-severity={finding.severity}>
      <header>
        <SeverityBadge severity={finding.severity} />
        <strong class="finding-title">{finding.title}</strong>
        <code class="muted">{finding.rule}</code>
      </header>
      <p class="finding-message">{finding.message}</p>
      {evidence.length > 0 && (
        <dl class="evidence">
          {evidence.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>
                <code>{v}</code>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {finding.fix && <FixText fix={finding.fix} />}
      <footer>
        {docs && (
          <a href={docs} target="_blank" rel="noreferrer noopener">
            Vendor documentation
          </a>
        )}
        <details class="rule-reference">
          <summary>Rule reference: {finding.rule}</summary>
          {rule?.description && <p>{rule.description}</p>}
          <p class="muted">
            Documented in <code>{finding.reference}</code> of SSO Lens.
          </p>
        </details>
      </footer>
    </article>
  );
}

export function FindingsTab({ findings }: { findings: readonly Finding[] }) {
  if (!findings.length) {
    return <p class="tab-empty">No findings: every rule that applies to this message passed.</p>;
  }
  return (
    <div class="findings">
      {findings.map((f, i) => (
        <FindingItem key={`${f.rule}:${i}`} finding={f} />
      ))}
    </div>
  );
}
