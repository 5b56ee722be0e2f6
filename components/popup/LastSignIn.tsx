import type { TabVerdict } from '@/utils/settings/verdict';

interface Props {
  verdict?: TabVerdict;
  /** Undefined when the popup has no tab (e.g. opened as a page). */
  tabId?: number;
  onOpenPanel(): void;
}

const LEVEL_TEXT: Record<TabVerdict['worst'], string> = {
  error: 'Sign-in has errors',
  warning: 'Sign-in has warnings',
  info: 'Sign-in looks fine (notes)',
  ok: 'Sign-in looks fine',
};

/** Skipped checks grouped by why (one profile skips for one or two reasons), in the verdict's order. */
function skippedByReason(skipped: TabVerdict['skipped']): Array<[string, string[]]> {
  const groups = new Map<string, string[]>();
  for (const { rule, reason } of skipped ?? []) groups.set(reason, [...(groups.get(reason) ?? []), rule]);
  return [...groups];
}

/** The verdict of the last sign-in the recorder saw on this tab; its text is captured data, shown as text. */
export function LastSignIn({ verdict, tabId, onOpenPanel }: Props) {
  return (
    <section class="card last-sign-in" aria-labelledby="last-sign-in-title">
      <h2 id="last-sign-in-title">Last sign-in on this tab</h2>
      {verdict ? (
        <>
          <p class="row">
            <span class={`badge level-${verdict.worst}`}>{LEVEL_TEXT[verdict.worst]}</span>
            <span class="hint muted">
              {verdict.flows} sign-in{verdict.flows === 1 ? '' : 's'} · {new Date(verdict.at).toLocaleTimeString()}
            </span>
          </p>
          {verdict.judgedAs && (
            <p class="hint muted" data-testid="judged-as">
              {verdict.protocol === 'oidc' ? 'OpenID Connect' : 'SAML'} sign-in, judged as {verdict.judgedAs.label} ({verdict.judgedAs.reason})
            </p>
          )}
          {skippedByReason(verdict.skipped).map(([reason, rules]) => (
            <p class="hint muted" data-testid="skipped-checks" key={reason}>
              Not checked, {reason}: {rules.join(', ')}
            </p>
          ))}
          {verdict.topFinding && (
            <p class="top-finding">
              <span class={`level-${verdict.topFinding.severity}`}>{verdict.topFinding.message}</span>{' '}
              <code class="muted">{verdict.topFinding.rule}</code>
            </p>
          )}
        </>
      ) : (
        <p class="hint muted">
          Nothing yet. Open DevTools on this tab and its SAML panel (or turn on recording), then sign in.
        </p>
      )}
      {tabId !== undefined && (
        <button type="button" onClick={onOpenPanel}>
          {verdict ? 'See the details in the SAML panel' : 'Open the SAML panel for this tab'}
        </button>
      )}
    </section>
  );
}
