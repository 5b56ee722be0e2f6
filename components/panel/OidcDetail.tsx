import type { Flow } from '@/utils/flow/types';
import type { HarEntry } from '@/utils/har/types';
import { claimRows } from '@/utils/oidc/claims';
import { oidcKeyFields } from '@/utils/oidc/summary';
import type { DecodedJwt, OidcMessage } from '@/utils/oidc/types';
import { hasErrors } from '@/utils/panel/panel-state';
import { worstSeverity } from '@/utils/rules/support/severity';
import type { Finding } from '@/utils/rules/types';
import { FindingsTab } from './FindingsTab';
import { DetailTabs } from './DetailTabs';
import { HttpTab } from './HttpTab';
import { JudgedBy, profileSkipped } from './JudgedBy';
import { SeverityBadge } from './SeverityBadge';
import { SignatureCheck } from './SignatureCheck';

type OidcTab = 'findings' | 'summary' | 'claims' | 'http';
const TAB_LABEL: Record<OidcTab, string> = { findings: 'Findings', summary: 'Summary', claims: 'Claims', http: 'HTTP' };

/** The JWTs a message carries, with the name the protocol gives them. */
export function tokensOf(m: OidcMessage): Array<{ name: string; token: DecodedJwt }> {
  const out: Array<{ name: string; token: DecodedJwt | undefined }> = [
    { name: 'ID token', token: m.response?.idToken ?? m.tokens?.idToken },
    { name: 'Access token', token: m.response?.accessToken ?? m.tokens?.accessToken },
    { name: 'ID token hint', token: m.endSession?.idTokenHint },
  ];
  return out.filter((t): t is { name: string; token: DecodedJwt } => !!t.token);
}

function ClaimsTab({ message }: { message: OidcMessage }) {
  const tokens = tokensOf(message);
  if (!tokens.length) return <p class="tab-empty">This message carries no token.</p>;
  // Times are worded against the capture, as the rules judge them.
  const now = message.capturedAt ? Date.parse(message.capturedAt) : Date.now();
  return (
    <div class="claims">
      {tokens.map(({ name, token }) => (
        <section key={name} data-testid="claims-token">
          <h3>{name}</h3>
          <p class="muted">Read without checking its signature: what the token says, not proof that the provider issued it.</p>
          {token.problem && <p class="validity-expired">{token.problem}</p>}
          <SignatureCheck token={token} />
          {token.payload && (
            <table class="pairs" data-testid="claims-table">
              <thead>
                <tr>
                  <th scope="col">Claim</th>
                  <th scope="col">Value</th>
                  <th scope="col">Meaning</th>
                </tr>
              </thead>
              <tbody>
                {claimRows(token.payload, Number.isNaN(now) ? Date.now() : now).map((row) => (
                  <tr key={row.name} data-claim={row.name}>
                    <th scope="row">
                      <code>{row.name}</code>
                    </th>
                    <td>
                      <code class="wrap">{row.value}</code>
                      {row.time && (
                        <div class={row.time.relative.startsWith('expired') || row.time.relative.startsWith('not valid') ? 'validity-expired' : 'muted'}>
                          {row.time.local} · {row.time.utc} · {row.time.relative}
                        </div>
                      )}
                    </td>
                    <td class="muted">{row.meaning ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {token.header && (
            <p class="muted">
              Header: <code class="wrap">{JSON.stringify(token.header)}</code>
            </p>
          )}
        </section>
      ))}
    </div>
  );
}

function SummaryTab({ message }: { message: OidcMessage }) {
  const fields = oidcKeyFields(message);
  return (
    <dl>
      <div class="summary-row">
        <dt>Protocol</dt>
        <dd>OpenID Connect ({message.carrier})</dd>
      </div>
      {fields.map(([label, value]) => (
        <div class="summary-row" key={label}>
          <dt>{label}</dt>
          <dd>
            <code class="wrap">{value}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** An OpenID Connect message: its facts, the claims of its tokens, its findings and the HTTP exchange. */
export function OidcDetail({
  message,
  findings,
  entry,
  flow,
  onClose,
}: {
  message: OidcMessage;
  findings: readonly Finding[];
  entry: HarEntry | undefined;
  flow?: Flow;
  onClose(): void;
}) {
  const order: OidcTab[] = hasErrors(findings) ? ['findings', 'summary', 'claims', 'http'] : ['summary', 'claims', 'findings', 'http'];
  return (
    <section class="detail" aria-label={`${message.kind} detail`}>
      <header class="detail-header">
        <SeverityBadge severity={worstSeverity(findings)} partial={profileSkipped(flow)} />
        <h2>
          {message.kind} <span class="muted">OpenID Connect</span>
        </h2>
        <button type="button" class="icon" aria-label="Close the detail" title="Close (Esc)" onClick={onClose}>
          ×
        </button>
      </header>
      <JudgedBy flow={flow} />
      <DetailTabs order={order} labels={TAB_LABEL} findingsCount={findings.length}>
        {(tab) => (
          <>
            {tab === 'findings' && <FindingsTab findings={findings} idp={message.error?.aadsts.length || tokensOf(message).some((t) => typeof t.token.payload?.tid === 'string') ? 'entra' : undefined} />}
            {tab === 'summary' && <SummaryTab message={message} />}
            {tab === 'claims' && <ClaimsTab message={message} />}
            {tab === 'http' && <HttpTab message={message} entry={entry} />}
          </>
        )}
      </DetailTabs>
    </section>
  );
}
