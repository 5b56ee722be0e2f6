// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '@/utils/analyze';
import { plainEntry } from '@/tests/support/har-builder';
import { signInEntries } from '@/tests/support/protocol-builder';
import { seenRequest } from '@/utils/panel/seen-requests';
import { TraceTab } from './TraceTab';

afterEach(cleanup);

describe('Trace tab', () => {
  it('lists the sign-in step by step, marks the ACS error and the IdP error page, and opens the other message', () => {
    const start: ReturnType<typeof plainEntry> = {
      ...plainEntry('https://sp.example.com/login?next=%2Fprojects%3Fa%3D1', { time: '2024-01-01T09:59:54.000Z' }),
    };
    const [request, response] = signInEntries({ acsStatus: 500 });
    start.response = { status: 302, headers: [{ name: 'Location', value: request!.request.url }] };
    const page = plainEntry('https://login.microsoftonline.com/tid/login', { time: '2024-01-01T09:59:56.000Z' });
    page.response = { status: 200, headers: [], content: { mimeType: 'text/html', text: 'AADSTS50105: not assigned' } };
    const analysis = analyze([start, request!, page, response!]);
    const onOpen = vi.fn();
    const messages = new Map(analysis.messages.map((m) => [m.key, m]));
    const responseKey = analysis.flows[0]!.responseKey!;
    render(<TraceTab flow={analysis.flows[0]!} messages={messages} currentKey={responseKey} onOpen={onOpen} />);

    const rows = screen.getAllByTestId('trace-row');
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(['302', '302', '200', '500']);
    expect(rows[0]!.textContent).toContain('GET https://sp.example.com/login?next=%2Fprojects%3Fa%3D1');
    expect(rows[0]!.textContent).toContain(`→ ${request!.request.url}`);
    expect(rows[0]!.querySelectorAll('wbr').length).toBeGreaterThan(3);
    expect(within(rows[2]!).getByText('AADSTS50105')).toBeTruthy();
    expect(rows[3]!.classList.contains('trace-bad')).toBe(true);
    expect(rows[3]!.classList.contains('trace-current')).toBe(true);
    fireEvent.click(within(rows[1]!).getByRole('button', { name: 'AuthnRequest' }));
    expect(onOpen).toHaveBeenCalledWith(analysis.flows[0]!.requestKey);
  });

  it('shows captured markup as text', () => {
    const [request, response] = signInEntries();
    const hop = plainEntry('https://idp.example.com/<img src=x onerror=alert(1)>', { time: '2024-01-01T09:59:57.000Z' });
    const analysis = analyze([request!, hop, response!]);
    const { container } = render(
      <TraceTab flow={analysis.flows[0]!} messages={new Map(analysis.messages.map((m) => [m.key, m]))} currentKey="none" onOpen={() => {}} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('lists every request of the capture with the All requests toggle (a pressed-state button, in the tab order), and back', () => {
    const [request, response] = signInEntries({ acsStatus: 200 });
    const other = plainEntry('https://sp.example.com/api/health', { time: '2024-01-01T10:00:30.000Z' });
    const entries = [request!, response!, other];
    const analysis = analyze(entries);
    const messages = new Map(analysis.messages.map((m) => [m.key, m]));
    const requests = entries.map((e, i) => seenRequest(e, i));
    render(<TraceTab flow={analysis.flows[0]!} messages={messages} allMessages={messages} currentKey="none" onOpen={() => {}} requests={requests} />);
    expect(screen.getAllByTestId('trace-row')).toHaveLength(2);
    const toggle = screen.getByRole('button', { name: 'All requests' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    const rows = screen.getAllByTestId('trace-row');
    expect(rows.map((r) => r.getAttribute('data-in-flow'))).toEqual(['true', 'true', 'false']);
    expect(within(rows[0]!).getByText('SAML')).toBeTruthy();
    expect(rows[2]!.textContent).toContain('https://sp.example.com/api/health');
    expect(screen.getByRole('list', { name: 'Requests in the capture' })).toBeTruthy();
    fireEvent.click(toggle);
    expect(screen.getAllByTestId('trace-row')).toHaveLength(2);
  });

  it('offers no toggle when the capture is not given', () => {
    const analysis = analyze(signInEntries());
    render(<TraceTab flow={analysis.flows[0]!} messages={new Map(analysis.messages.map((m) => [m.key, m]))} currentKey="none" onOpen={() => {}} />);
    expect(screen.queryByRole('button', { name: 'All requests' })).toBeNull();
  });
});
