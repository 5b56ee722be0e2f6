import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';

interface Props<T extends string> {
  /** The tabs in order; the first is shown first. */
  order: readonly T[];
  labels: Record<T, string>;
  /** Shown as a count on the Findings tab. */
  findingsCount: number;
  /** The open tab's content. */
  children(tab: T): ComponentChildren;
}

/** The detail's tab strip (arrow keys, Home and End move between tabs) and its tab panel: one for every protocol. */
export function DetailTabs<T extends string>({ order, labels, findingsCount, children }: Props<T>) {
  const [tab, setTab] = useState<T>(order[0]!);
  const tabs = useRef<HTMLDivElement>(null);

  const onTabKey = (e: KeyboardEvent) => {
    const at = order.indexOf(tab);
    const next = e.key === 'ArrowRight' ? (at + 1) % order.length : e.key === 'ArrowLeft' ? (at - 1 + order.length) % order.length : e.key === 'Home' ? 0 : e.key === 'End' ? order.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    setTab(order[next]!);
    tabs.current?.querySelector<HTMLElement>(`[data-tab="${order[next]}"]`)?.focus();
  };

  return (
    <>
      <div class="tabs" role="tablist" aria-label="Message detail" ref={tabs} onKeyDown={onTabKey}>
        {order.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`tab-${t}`}
            data-tab={t}
            data-testid={`detail-tab-${t}`}
            aria-selected={tab === t}
            aria-controls="detail-panel"
            tabIndex={tab === t ? 0 : -1}
            onClick={() => setTab(t)}
          >
            {labels[t]}
            {t === 'findings' && findingsCount > 0 && <span class="count">{findingsCount}</span>}
          </button>
        ))}
      </div>
      {/* Focusable so keyboard users can scroll a long Attributes or HTTP tab (WCAG 2.1.1). */}
      <div class="tab-panel" id="detail-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} tabIndex={0}>
        {children(tab)}
      </div>
    </>
  );
}
