// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { b64, fixtureXml, postEntry } from '@/tests/support/har-builder';
import { analyzeSaml } from '../../tests/support/saml-analysis';
import { XmlTab } from './XmlTab';

const copied: string[] = [];
vi.mock('./copy-to-clipboard', () => ({ copyToClipboard: async (text: string) => (copied.push(text), true) }));

afterEach(cleanup);

const signedResponse = () => analyzeSaml([postEntry('https://sp.example/acs', 'SAMLResponse', b64(fixtureXml('okta/gosaml2-okta-response.xml')))]).messages[0]!;

describe('XML tab', () => {
  it('folds each Signature to one line, opens it on click (and by keyboard: it is a button), and a search unfolds all', () => {
    render(<XmlTab message={signedResponse()} />);
    const view = () => screen.getByTestId('xml-view');
    const folds = screen.getAllByTestId('xml-fold');
    expect(folds.length).toBeGreaterThan(0);
    expect(folds.every((f) => f.getAttribute('aria-expanded') === 'false')).toBe(true);
    // Folded: the certificate and signature value are out of sight, the element's name stays.
    expect(view().textContent).not.toContain('X509Certificate');
    expect(view().textContent).toContain('Signature');
    const linesFolded = view().querySelectorAll('.xml-line').length;

    fireEvent.click(folds[0]!);
    expect(screen.getAllByTestId('xml-fold')[0]!.getAttribute('aria-expanded')).toBe('true');
    expect(view().querySelectorAll('.xml-line').length).toBeGreaterThan(linesFolded);
    fireEvent.click(screen.getAllByTestId('xml-fold')[0]!);
    expect(view().querySelectorAll('.xml-line').length).toBe(linesFolded);

    fireEvent.input(screen.getByLabelText('Search the XML'), { target: { value: 'X509Certificate' } });
    expect(view().querySelectorAll('mark').length).toBeGreaterThan(0);
    expect(screen.queryAllByTestId('xml-fold')).toEqual([]);
  });

  it('copies the decoded XML, or the field as sent in base64', async () => {
    const message = signedResponse();
    render(<XmlTab message={message} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy XML' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy base64' }));
    await waitFor(() => expect(copied).toHaveLength(2));
    expect(copied[0]).toBe(fixtureXml('okta/gosaml2-okta-response.xml'));
    expect(copied[1]).toBe(b64(fixtureXml('okta/gosaml2-okta-response.xml')));
  });
});
