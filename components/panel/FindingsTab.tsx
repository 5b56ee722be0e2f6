import { useState } from 'preact/hooks';
import { ruleById } from '@/utils/rules/index';
import { preferredFixVendor, type FixVendor, type IdpKind } from '@/utils/rules/support/fix-for-idp';
import type { Finding, Fix } from '@/utils/rules/types';
import { SeverityBadge } from './SeverityBadge';

/** Only web links become links: a finding's text never becomes markup or a script URL. */
export function safeHref(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

const VENDOR_LABEL: Record<FixVendor, string> = { entra: 'Entra ID', okta: 'Okta', generic: 'Any IdP' };

function FixText({ fix, idp }: { fix: Fix; idp?: IdpKind }) {
  const vendors = (['entra', 'okta', 'generic'] as const).filter((v) => fix[v]);
  // The issuing IdP's own terms first; the others stay one click away.
  const [vendor, setVendor] = useState<FixVendor>(preferredFixVendor(fix, idp));
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

function FindingItem({ finding, idp }: { finding: Finding; idp?: IdpKind }) {
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
      {finding.fix && <FixText fix={finding.fix} idp={idp} />}
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

/** `idp`: who issued the message, so that each fix opens in that IdP's own terms. */
export function FindingsTab({ findings, idp }: { findings: readonly Finding[]; idp?: IdpKind }) {
  if (!findings.length) {
    return <p class="tab-empty">No findings: every rule that applies to this message passed.</p>;
  }
  return (
    <div class="findings">
      {findings.map((f, i) => (
        <FindingItem key={`${f.rule}:${i}`} finding={f} idp={idp} />
      ))}
    </div>
  );
}
