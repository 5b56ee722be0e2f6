import type { Flow } from '@/utils/flow/types';
import type { Message } from '@/utils/protocols/types';
import { traceRows } from '@/utils/panel/trace-rows';
import { BreakableUrl } from './BreakableUrl';

interface Props {
  flow: Flow;
  messages: ReadonlyMap<string, Message>;
  /** The message the detail shows: its row is marked. */
  currentKey: string;
  onOpen(key: string): void;
}

/** The whole sign-in as the browser lived it: the redirects, the messages, error pages and the landing page. */
export function TraceTab({ flow, messages, currentKey, onOpen }: Props) {
  const rows = traceRows(flow, messages);
  return (
    <div class="trace">
      <p class="muted hint">
        Every step of this sign-in in capture order: the service's redirect to the IdP, the SAML messages, and what the service answered after the
        Response.
      </p>
      <ol class="trace-list" aria-label="Sign-in steps">
        {rows.map((row) => {
          const bad = row.error !== undefined || (row.status !== undefined && row.status >= 400);
          return (
            <li key={row.exchangeIndex} class={`trace-row${bad ? ' trace-bad' : ''}${row.messageKey === currentKey ? ' trace-current' : ''}`} data-testid="trace-row" data-status={row.status ?? ''}>
              <span class="trace-time">{row.offsetSeconds !== undefined ? `+${row.offsetSeconds.toFixed(2)} s` : ''}</span>
              <span class="trace-status">{row.status ?? '—'}</span>
              <span class="trace-what">
                {row.kind && row.messageKey ? (
                  row.messageKey === currentKey ? (
                    <strong>{row.kind}</strong>
                  ) : (
                    <button type="button" class="link" onClick={() => onOpen(row.messageKey!)}>
                      {row.kind}
                    </button>
                  )
                ) : (
                  <span class="muted">{row.mimeType?.split(';')[0] ?? 'request'}</span>
                )}
                {row.error && <span class="tag tag-error">{row.error}</span>}
              </span>
              <code class="trace-url">
                {row.method} <BreakableUrl url={row.url} />
              </code>
              {row.location && (
                <code class="trace-location">
                  → <BreakableUrl url={row.location} />
                </code>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
