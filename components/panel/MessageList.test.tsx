// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ListRow } from '@/utils/panel/filter-messages';
import type { SamlMessage } from '@/utils/saml/types';
import type { Flow } from '@/utils/flow/types';
import { FIRST_DRAW_MEASURE, MessageList, ROW_HEIGHT } from './MessageList';

function manyRows(n: number): ListRow[] {
  const rows: ListRow[] = [];
  for (let i = 0; i < n; i++) {
    const message: SamlMessage = {
      key: `${i}:SAMLResponse`,
      protocol: 'saml',
      kind: 'Response',
      binding: 'post',
      param: 'SAMLResponse',
      exchangeIndex: i,
      url: `https://sp.example/acs/${i}`,
      method: 'POST',
      issuer: `https://idp.example/${i}`,
      assertions: [],
      encryptedAssertions: 0,
      raw: '',
    };
    if (i % 10 === 0) {
      const flow: Flow = { id: `flow-${i}`, protocol: 'saml', kind: 'sign-in', messageKeys: [], unsolicited: true };
      rows.push({ type: 'flow', flow, shown: 10 });
    }
    rows.push({ type: 'message', message, flowId: `flow-${i - (i % 10)}`, worst: i % 7 === 0 ? 'error' : null });
  }
  return rows;
}

afterEach(cleanup);

describe('message list', () => {
  it('records its first draw as one User Timing measure, replaced by the next fill, none while it stays mounted', async () => {
    performance.clearMeasures(FIRST_DRAW_MEASURE);
    const frames = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => r(), 0))));
    const props = { onSelect: () => {}, onOpen: () => {}, onMove: () => {} };
    const { rerender, unmount } = render(<MessageList rows={manyRows(1000)} {...props} />);
    await act(frames);
    let entries = performance.getEntriesByName(FIRST_DRAW_MEASURE);
    expect(entries).toHaveLength(1);
    expect((entries[0] as PerformanceMeasure).detail).toEqual({ messages: 1000, rows: 1100 });
    rerender(<MessageList rows={manyRows(1200)} {...props} />);
    await act(frames);
    expect(performance.getEntriesByName(FIRST_DRAW_MEASURE)).toHaveLength(1);
    unmount();
    render(<MessageList rows={manyRows(50)} {...props} />);
    await act(frames);
    entries = performance.getEntriesByName(FIRST_DRAW_MEASURE);
    expect(entries.map((e) => (e as PerformanceMeasure).detail.messages)).toEqual([50]);
  });

  it('renders only the rows in view for 1,000 messages, and the rows below once scrolled', () => {
    const rows = manyRows(1000);
    render(<MessageList rows={rows} onSelect={() => {}} onOpen={() => {}} onMove={() => {}} />);
    const shown = screen.getAllByTestId('message-row');
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.length).toBeLessThan(60);
    const inner = screen.getByRole('listbox').firstElementChild as HTMLElement;
    expect(inner.style.height).toBe(`${rows.length * ROW_HEIGHT}px`);

    const list = screen.getByRole('listbox');
    act(() => {
      list.scrollTop = 800 * ROW_HEIGHT;
      fireEvent.scroll(list);
    });
    const keys = screen.getAllByTestId('message-row').map((r) => Number(r.dataset.key!.split(':')[0]));
    expect(Math.min(...keys)).toBeGreaterThan(650);
    expect(Math.max(...keys)).toBeLessThan(800);
    expect(screen.getAllByTestId('message-row').length).toBeLessThan(60);
  });

  it('keeps the DOM small for 1,000 messages while scrolling through them (speed: npm run bench)', () => {
    const rows = manyRows(1000);
    render(<MessageList rows={rows} onSelect={() => {}} onOpen={() => {}} onMove={() => {}} />);
    const list = screen.getByRole('listbox');
    for (let i = 1; i <= 20; i++) {
      act(() => {
        list.scrollTop = i * 40 * ROW_HEIGHT;
        fireEvent.scroll(list);
      });
      expect(screen.getAllByTestId('message-row').length).toBeLessThan(60);
    }
  });

  it('sends keyboard moves and Enter, and opens a row on click', () => {
    const onMove = vi.fn();
    const onOpen = vi.fn();
    const onSelect = vi.fn();
    const rows = manyRows(30);
    render(<MessageList rows={rows} selectedKey="3:SAMLResponse" onSelect={onSelect} onOpen={onOpen} onMove={onMove} />);
    const list = screen.getByRole('listbox');
    for (const key of ['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown']) fireEvent.keyDown(list, { key });
    expect(onMove.mock.calls.map((c) => c[0])).toEqual([1, -1, 'first', 'last', expect.any(Number)]);
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(onOpen).toHaveBeenLastCalledWith('3:SAMLResponse');
    fireEvent.click(screen.getAllByTestId('message-row')[5]!);
    expect(onSelect).toHaveBeenLastCalledWith('5:SAMLResponse');
    expect(onOpen).toHaveBeenLastCalledWith('5:SAMLResponse');
    expect(screen.getAllByTestId('message-row')[3]!.getAttribute('aria-selected')).toBe('true');
  });
});
