import { useMemo, useState } from 'preact/hooks';
import type { Flow } from '@/utils/flow/types';
import type { Message } from '@/utils/protocols/types';
import type { SeenRequest } from '@/utils/panel/seen-requests';
import { captureRows, traceRows } from '@/utils/panel/trace-rows';
import { BreakableUrl } from './BreakableUrl';

interface Props {
  flow: Flow;
  messages: ReadonlyMap<string, Message>;
  /** The message the detail shows: its row is marked. */
  currentKey: string;
  onOpen(key: string): void;
  /** Every request the panel saw: with them, the tab can list all requests, SAML-tracer style. */
  requests?: readonly SeenRequest[];
  /** The messages of every protocol, to mark the rows of the full list (`messages` may hold one protocol's). */
  allMessages?: ReadonlyMap<string, Message>;
}

const PROTOCOL_TAG: Record<string, string> = { saml: 'SAML', oidc: 'OIDC' };

/** The whole sign-in as the browser lived it: the redirects, the messages, error pages and the landing page. */
export function TraceTab({ flow, messages, currentKey, onOpen, requests, allMessages }: Props) {
  const [all, setAll] = useState(false);
  const full = useMemo(() => (all && requests ? captureRows(flow, allMessages ?? messages, requests) : undefined), [all, requests, flow, allMessages, messages]);
  const rows = full ? full.rows : traceRows(flow, messages);
  return (
    <div class="trace">
      <div class="xml-tools">
        <p class="muted hint">
          {full
            ? `Every request of the tab the panel saw${full.total > full.rows.length ? ` (the last ${full.rows.length} of ${full.total})` : ''}: this sign-in's steps are marked, SAML and OIDC rows tagged.`
            : "Every step of this sign-in in capture order: the service's redirect to the IdP, the SAML messages, and what the service answered after the Response."}
        </p>
        {requests && (
          <button type="button" aria-pressed={all} data-testid="trace-all-toggle" onClick={() => setAll(!all)} title="List every request of the tab the panel saw, not only this sign-in's">
            All requests
          </button>
        )}
      </div>
      <ol class="trace-list" aria-label={full ? 'Requests in the capture' : 'Sign-in steps'}>
        {rows.map((row, position) => {
          const bad = row.error !== undefined || (row.status !== undefined && row.status >= 400);
          const classes = `trace-row${bad ? ' trace-bad' : ''}${row.messageKey === currentKey ? ' trace-current' : ''}${full && !row.inFlow ? ' trace-other' : ''}`;
          return (
            <li key={full ? position : row.exchangeIndex} class={classes} data-testid="trace-row" data-status={row.status ?? ''} data-in-flow={full ? String(!!row.inFlow) : undefined}>
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
                {full && row.protocol && <span class="tag">{PROTOCOL_TAG[row.protocol] ?? row.protocol}</span>}
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
