// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '@/utils/analyze';
import type { OidcMessage } from '@/utils/oidc/types';
import { oidcSignIn, T0 } from '../../tests/support/oidc-builder';
import { OidcDetail } from './OidcDetail';

const noop = () => {};

async function formPost(claims: Record<string, unknown>) {
  const entries = await oidcSignIn({ responseType: 'id_token', responseMode: 'form_post', claims });
  const analysis = analyze(entries);
  const message = analysis.messages.find((m) => m.kind === 'AuthorizationResponse') as OidcMessage;
  return { message, findings: analysis.findings.filter((f) => f.messageKey === message.key), entry: entries[1] };
}

describe('OidcDetail', () => {
  afterEach(cleanup);

  it('shows the ID token claims with their meaning, and times against the capture', async () => {
    const exp = Math.floor(Date.parse(T0) / 1000) - 10 * 60;
    const { message, findings, entry } = await formPost({ exp, groups: ['<img src=x onerror=alert(1)>'] });
    render(<OidcDetail message={message} findings={findings} entry={entry} onClose={noop} />);
    // An expired token is an error: the findings lead, the claims are one tab away.
    expect(screen.getByRole('tab', { selected: true }).textContent).toContain('Findings');
    fireEvent.click(screen.getByRole('tab', { name: 'Claims' }));
    const table = screen.getByTestId('claims-table');
    expect(table.querySelector('[data-claim="aud"]')!.textContent).toContain("Audience: who the token is for");
    expect(table.querySelector('[data-claim="exp"]')!.textContent).toMatch(/expired 10 min ago/);
    expect(table.querySelector('[data-claim="exp"]')!.textContent).toContain('09:50:00Z');
    // Captured values are text, never markup.
    expect(table.querySelector('img')).toBeNull();
    expect(table.querySelector('[data-claim="groups"]')!.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('leads with the summary for a clean response', async () => {
    const { message, findings, entry } = await formPost({});
    render(<OidcDetail message={message} findings={findings} entry={entry} onClose={noop} />);
    expect(screen.getByRole('tab', { selected: true }).textContent).toContain('Summary');
    expect(screen.getByText('OpenID Connect (form_post)')).toBeTruthy();
  });
});
