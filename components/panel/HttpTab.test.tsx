// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { b64, fixtureXml, postEntry } from '@/tests/support/har-builder';
import type { HarEntry } from '@/utils/har/types';
import { analyzeSaml } from '../../tests/support/saml-analysis';
import { HttpTab } from './HttpTab';

const copied: string[] = [];
vi.mock('./copy-to-clipboard', () => ({ copyToClipboard: async (text: string) => (copied.push(text), true) }));

afterEach(() => {
  cleanup();
  copied.length = 0;
});

describe('HTTP tab', () => {
  it('copies the request as curl, without the session cookie unless the box is ticked', async () => {
    const base = postEntry('https://sp.example/acs', 'SAMLResponse', b64(fixtureXml('okta/gosaml2-okta-response.xml')));
    const entry: HarEntry = { ...base, request: { ...base.request, headers: [...base.request.headers, { name: 'Cookie', value: 'JSESSIONID=abc123' }] } };
    const message = analyzeSaml([entry]).messages[0]!;
    render(<HttpTab message={message} entry={entry} />);

    fireEvent.click(screen.getByTestId('copy-curl'));
    await waitFor(() => expect(copied).toHaveLength(1));
    expect(copied[0]).toMatch(/^curl 'https:\/\/sp\.example\/acs' /);
    expect(copied[0]).toContain('--data-raw');
    expect(copied[0]).not.toContain('JSESSIONID');
    expect(await screen.findByText('Copied, without 1 cookie or credential header')).toBeTruthy();

    fireEvent.click(screen.getByTestId('curl-credentials'));
    fireEvent.click(screen.getByTestId('copy-curl'));
    await waitFor(() => expect(copied).toHaveLength(2));
    expect(copied[1]).toContain("'Cookie: JSESSIONID=abc123'");
  });
});
