import { skipUnchanged } from './skip-unchanged';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ListRow } from '@/utils/panel/filter-messages';
import type { Message } from '@/utils/protocols/types';
import type { SamlMessage } from '@/utils/saml/types';
import { SeverityBadge } from './SeverityBadge';
import { profileLabel } from '@/utils/profiles/profile-label';
import { profileSkipped } from './JudgedBy';

/** Every row has this height so the list can render only what is visible (1,000+ messages stay smooth). */
export const ROW_HEIGHT = 28;
const OVERSCAN = 8;
/** Used until the list has been measured (and in test DOMs, which have no layout). */
const FALLBACK_HEIGHT = 560;

export interface MessageListProps {
  rows: readonly ListRow[];
  selectedKey?: string;
  openKey?: string;
  onSelect(key: string): void;
  onOpen(key: string): void;
  onMove(by: number | 'first' | 'last'): void;
}

function clock(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

const BINDING: Record<SamlMessage['binding'], string> = { post: 'POST', redirect: 'Redirect', artifact: 'Artifact' };

/** The binding column: SAML's binding, or OIDC and where its parameters travel. */
function carriage(m: Message): string {
  return m.protocol === 'oidc' ? `OIDC ${m.carrier.replace('_', ' ')}` : BINDING[m.binding];
}

/** "issuer → destination", falling back on where the exchange went when the message does not say. */
export function route(m: Message): string {
  if (m.protocol === 'oidc') {
    const token = m.response?.idToken ?? m.tokens?.idToken;
    const from = (typeof token?.payload?.iss === 'string' ? token.payload.iss : undefined) ?? m.authorization?.clientId ?? m.tokenRequest?.clientId ?? '?';
    const to = m.authorization?.redirectUri ?? m.response?.redirectTarget ?? m.error?.redirectTarget ?? m.url;
    return `${from} → ${to}`;
  }
  return samlRoute(m);
}

function samlRoute(m: SamlMessage): string {
  const from = m.issuer ?? '?';
  const to = m.destination ?? m.request?.acsUrl ?? m.url;
  return `${from} → ${to}`;
}

/** The User Timing entry (DevTools > Performance > Timings) of the list's first draw of a capture. */
export const FIRST_DRAW_MEASURE = 'sso-lens: message list first draw';

/**
 * Times the list's first draw, from its first render to the frame after it was painted, so support staff
 * profiling a long capture (and the e2e suite) can read it. The list mounts when a capture or import fills it, so
 * a long session adds one entry per fill, and each replaces the last.
 */
function useFirstDrawMeasure(rows: readonly ListRow[]): void {
  const [start] = useState(() => performance.now());
  useLayoutEffect(() => {
    const messages = rows.reduce((n, r) => n + (r.type === 'message' ? 1 : 0), 0);
    const raf = globalThis.requestAnimationFrame;
    if (!raf || typeof performance.measure !== 'function') return;
    let live = true;
    raf(() =>
      raf(() => {
        if (!live) return;
        performance.clearMeasures(FIRST_DRAW_MEASURE);
        performance.measure(FIRST_DRAW_MEASURE, { start, detail: { messages, rows: rows.length } });
      }),
    );
    return () => {
      live = false;
    };
  }, []);
}

export const rowId = (key: string) => `message-row-${key.replace(/[^\w-]/g, '_')}`;

function MessageListView({ rows, selectedKey, openKey, onSelect, onOpen, onMove }: MessageListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);
  useFirstDrawMeasure(rows);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const viewport = height || FALLBACK_HEIGHT;
  const pageRows = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);

  // Keep the selected row in view when the keyboard moves it.
  const selectedIndex = selectedKey === undefined ? -1 : rows.findIndex((r) => r.type === 'message' && r.message.key === selectedKey);
  useEffect(() => {
    const el = box.current;
    if (!el || selectedIndex < 0) return;
    const top = selectedIndex * ROW_HEIGHT;
    // The flow heading above the first message of a flow comes into view with it.
    const headingTop = selectedIndex > 0 && rows[selectedIndex - 1]?.type === 'flow' ? top - ROW_HEIGHT : top;
    if (headingTop < el.scrollTop) el.scrollTop = headingTop;
    else if (top + ROW_HEIGHT > el.scrollTop + viewport) el.scrollTop = top + ROW_HEIGHT - viewport;
    setScrollTop(el.scrollTop);
  }, [selectedIndex, viewport, rows]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);

  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, number | 'first' | 'last'> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: pageRows,
      PageUp: -pageRows,
      Home: 'first',
      End: 'last',
    };
    const by = moves[e.key];
    if (by !== undefined) {
      e.preventDefault();
      onMove(by);
    } else if (e.key === 'Enter' && selectedKey !== undefined) {
      e.preventDefault();
      onOpen(selectedKey);
    }
  };

  // Messages of flows whose profile skipped the service's checks: no finding there is not a full "ok".
  const partial = useMemo(() => new Set(rows.flatMap((r) => (r.type === 'flow' && profileSkipped(r.flow) ? [r.flow.id] : []))), [rows]);
  const visible = [];
  for (let i = first; i < last; i++) {
    const row = rows[i]!;
    const style = { top: `${i * ROW_HEIGHT}px`, height: `${ROW_HEIGHT}px` };
    if (row.type === 'flow') {
      const f = row.flow;
      const label = f.kind === 'sign-in' ? 'Sign-in' : f.kind === 'sign-out' ? 'Sign-out' : 'Message';
      visible.push(
        <div key={`flow:${f.id}`} class="row flow-row" role="presentation" style={style} data-testid="flow" data-flow-kind={f.kind}>
          <span class="flow-title">{label}</span>
          <span class="muted">{clock(f.startedAt)}</span>
          {f.protocol === 'saml' && f.acsStatus !== undefined && <span class="muted">ACS answered HTTP {f.acsStatus}</span>}
          {f.protocol === 'oidc' && f.callbackStatus !== undefined && <span class="muted">redirect URI answered HTTP {f.callbackStatus}</span>}
          {f.unsolicited && <span class="tag">IdP-initiated</span>}
          {f.profile && <span class="tag profile-tag">judged as {profileLabel(f.profile, f.protocol)}</span>}
          <span class="muted">
            {row.shown} {row.shown === 1 ? 'message' : 'messages'}
          </span>
        </div>,
      );
      continue;
    }
    const m = row.message;
    const selected = m.key === selectedKey;
    visible.push(
      <div
        key={m.key}
        id={rowId(m.key)}
        class={`row message-row${selected ? ' selected' : ''}${m.key === openKey ? ' open' : ''}`}
        role="option"
        aria-selected={selected}
        data-testid="message-row"
        data-key={m.key}
        data-kind={m.kind}
        style={style}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          box.current?.focus();
          onSelect(m.key);
          onOpen(m.key);
        }}
      >
        <span class="col-time">{clock(m.capturedAt)}</span>
        <span class="col-kind">{m.kind}</span>
        <span class="col-binding" data-protocol={m.protocol}>
          {carriage(m)}
        </span>
        <span class="col-route" title={route(m)}>
          {route(m)}
        </span>
        <span class="col-status">{m.httpStatus ?? ''}</span>
        <span class="col-badge">
          <SeverityBadge severity={row.worst} partial={partial.has(row.flowId)} compact />
        </span>
      </div>,
    );
  }

  return (
    <div
      ref={box}
      class="message-list"
      role="listbox"
      aria-label="SAML messages and OpenID Connect messages"
      tabIndex={0}
      aria-activedescendant={selectedKey !== undefined && selectedIndex >= 0 ? rowId(selectedKey) : undefined}
      onKeyDown={onKeyDown}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
    >
      <div class="message-list-inner" style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
        {visible}
      </div>
    </div>
  );
}

export const MessageList = skipUnchanged(MessageListView);
