// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Exchange, HarEntry } from '@/utils/har/types';
import type { CaptureSink, CaptureSource } from '@/utils/panel/capture-source';
import { readCapture } from '@/utils/har/read-capture';
import { analyzeSaml } from '../../tests/support/saml-analysis';
import type { OrgGroups } from '@/utils/rules/types';
import { b64, deflateB64, fixtureXml, har, plainEntry, postEntry, redirectEntry } from '@/tests/support/har-builder';
import { PanelApp } from './PanelApp';


const AUTHN = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_15f66d2d-628b-4d9b-a99e-089d8da862e1" Version="2.0" IssueInstant="2016-07-25T23:15:00Z" AssertionConsumerServiceURL="http://localhost:8080/v1/_saml_callback"><saml:Issuer>"123"</saml:Issuer></samlp:AuthnRequest>`;
const oktaFlow = (): HarEntry[] => [
  plainEntry('http://localhost:8080/login', { time: '2016-07-25T23:14:59.000Z' }),
  redirectEntry('https://dev.okta.example/app/sso/saml', 'SAMLRequest', deflateB64(AUTHN), { time: '2016-07-25T23:15:00.000Z' }),
  postEntry('http://localhost:8080/v1/_saml_callback', 'SAMLResponse', b64(fixtureXml('okta/gosaml2-okta-response.xml')), { time: '2016-07-25T23:15:20.000Z', status: 302 }),
];
const broken = () => postEntry('https://other.example/acs', 'SAMLResponse', 'bm90IHNhbWw=', { time: '2016-07-25T23:16:00.000Z' });

/** A capture source the test drives by hand. */
function fakeSource(kind: CaptureSource['kind'] = 'devtools', extra: Partial<CaptureSource> = {}) {
  let sink: CaptureSink | undefined;
  const source: CaptureSource = {
    kind,
    label: 'test',
    connect: (s) => {
      sink = s;
      return () => (sink = undefined);
    },
    clear: vi.fn(async () => {}),
    ...extra,
  };
  const add = (entries: HarEntry[], live = true) => act(() => sink!.add(entries.map((entry): Exchange => ({ entry, source: 'panel' })), live));
  return { source, add, status: (s: Parameters<CaptureSink['status']>[0]) => act(() => sink!.status(s)) };
}

const rows = () => screen.queryAllByTestId('message-row');
const kinds = () => rows().map((r) => r.querySelector('.col-kind')!.textContent);

/** Opens the first row of a kind, once the analysis (which runs after each capture) has listed it. */
async function openRow(kind: string) {
  const row = await waitFor(() => {
    const found = rows().find((r) => r.querySelector('.col-kind')!.textContent === kind);
    expect(found).toBeTruthy();
    return found!;
  });
  fireEvent.click(row);
  return screen.findByRole('tablist', { name: 'Message detail' });
}

afterEach(cleanup);

// Signed messages load the signature code on demand: load it once up front, so that its first import (slow
// under the test transform, instant from the extension's files) is not counted against each waitFor.
beforeAll(() => import('@/utils/crypto/verify-messages'), 30_000);

describe('SAML panel', () => {
  it('tells the verdict of the last live sign-in once per change, for the popup', async () => {
    const { source, add } = fakeSource();
    const onVerdict = vi.fn();
    render(<PanelApp source={source} onVerdict={onVerdict} />);
    add(oktaFlow().slice(0, 2)); // the AuthnRequest alone: no sign-in to judge yet
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(onVerdict).not.toHaveBeenCalled();
    add(oktaFlow().slice(2));
    await waitFor(() => expect(onVerdict).toHaveBeenCalledTimes(1));
    expect(onVerdict.mock.calls[0]![0]).toMatchObject({ worst: 'ok', host: 'localhost:8080', flows: 1, at: '2016-07-25T23:15:20.000Z' });
    add([plainEntry('https://app.example/x.js')]); // counted only: the verdict did not change
    expect(onVerdict).toHaveBeenCalledTimes(1);
  });

  it('starts empty with the sign-in hint, and lists SAML exchanges as they arrive, counting the rest', async () => {
    const { source, add } = fakeSource();
    render(<PanelApp source={source} />);
    expect(screen.getByTestId('empty-state').textContent).toContain("No SAML yet — start the sign-in from the service's login URL");
    add([...oktaFlow(), broken()]);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(kinds()).toEqual(['AuthnRequest', 'Response', 'Unknown']);
    const response = rows()[1]!;
    expect(response.textContent).toContain('http://www.okta.com/exk659aytfMeNI49v0h7 → http://localhost:8080/v1/_saml_callback');
    expect(response.querySelector('.col-binding')!.textContent).toBe('POST');
    expect(response.querySelector('.col-status')!.textContent).toBe('302');
    expect(within(rows()[2]!).getByTestId('severity-badge').textContent).toBe('error');
    expect(screen.getByText('1 other requests counted, not kept')).toBeTruthy();
    expect(screen.getByText(/Sign-in/, { selector: '.flow-title' })).toBeTruthy();
    // Screen readers hear about live captures from a polite live region.
    await waitFor(() => expect(screen.getByTestId('capture-announcer').textContent).toBe('3 new messages captured, 3 in all'));
  });

  it('moves the selection with the arrow keys and opens the detail with Enter', async () => {
    const { source, add } = fakeSource();
    render(<PanelApp source={source} />);
    add([...oktaFlow(), broken()]);
    const list = await screen.findByRole('listbox', { name: /^SAML messages/ });
    list.focus();
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(rows()[0]!.getAttribute('aria-selected')).toBe('true');
    expect(list.getAttribute('aria-activedescendant')).toBe(rows()[0]!.id);
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(rows()[1]!.getAttribute('aria-selected')).toBe('true');
    expect(screen.queryByRole('tablist')).toBeNull();
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(await screen.findByRole('heading', { name: /Response/ })).toBeTruthy();
    fireEvent.keyDown(list, { key: 'End' });
    expect(rows()[2]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(list, { key: 'Escape' });
    expect(screen.queryByRole('tablist')).toBeNull();
  });

  it('filters by severity, kind and text, and offers to clear the filters when nothing matches', async () => {
    const { source, add } = fakeSource();
    render(<PanelApp source={source} />);
    add([...oktaFlow(), broken()]);
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'error' } });
    expect(kinds()).toEqual(['Unknown']);
    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'AuthnRequest' } });
    expect(kinds()).toEqual(['AuthnRequest']);
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'all' } });
    fireEvent.input(screen.getByLabelText('Filter text'), { target: { value: 'russellhaering' } });
    expect(kinds()).toEqual(['Response']);
    fireEvent.input(screen.getByLabelText('Filter text'), { target: { value: 'no such thing' } });
    expect(rows()).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(rows()).toHaveLength(3);
  });

  it('pauses (live exchanges ignored, counted) and clears, also at the source', async () => {
    const { source, add } = fakeSource();
    render(<PanelApp source={source} />);
    add(oktaFlow().slice(0, 2));
    await waitFor(() => expect(rows()).toHaveLength(1));
    const pause = screen.getByRole('button', { name: 'Pause' });
    // The glyph is drawn with CSS: no pictograph that needs an emoji font (⏸ shows as an empty box without one).
    expect(pause.textContent).toBe('Pause');
    expect(pause.querySelector('.glyph-pause')?.getAttribute('aria-hidden')).toBe('true');
    fireEvent.click(pause);
    expect(screen.getByRole('button', { name: 'Resume' }).textContent).toBe('Resume');
    add([broken()]);
    expect(rows()).toHaveLength(1);
    expect(screen.getByText('Paused: 1 SAML exchanges ignored')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Resume/ }));
    add([broken()]);
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(rows()).toHaveLength(0);
    expect(source.clear).toHaveBeenCalledOnce();
    expect(screen.getByTestId('empty-state')).toBeTruthy();
  });

  it('detail: Summary first for a clean Response, with NameID, audience, validity and the request it answers', async () => {
    const { source, add } = fakeSource();
    render(<PanelApp source={source} />);
    add(oktaFlow());
    await openRow('Response');
    const tabs = screen.getAllByRole('tab');
    const findings = analyzeSaml(oktaFlow()).findings.filter((f) => f.messageKey === '2:SAMLResponse');
    expect(tabs[0]!.dataset.testid).toBe(findings.some((f) => f.severity === 'error') ? 'detail-tab-findings' : 'detail-tab-summary');
    fireEvent.click(screen.getByTestId('detail-tab-summary'));
    const panel = screen.getByRole('tabpanel');
    expect(panel.textContent).toContain('russellhaering');
    expect(panel.textContent).toContain('"123"');
    // Captured at 23:15:20; the assertion's conditions end at 23:25:14.
    expect(panel.textContent).toContain('valid for 10 min at capture');
    expect(panel.textContent).toMatch(/Assertion signed with rsa-sha256, digest sha256/);
    fireEvent.click(within(panel).getByRole('button', { name: /answers the AuthnRequest/ }));
    expect(await screen.findByRole('heading', { name: /AuthnRequest/ })).toBeTruthy();
  });

  it('detail: Findings come first when a message has an error, with fix, docs and rule reference', async () => {
    const { source, add } = fakeSource();
    render(<PanelApp source={source} />);
    add([broken()]);
    await openRow('Unknown');
    const first = screen.getAllByRole('tab')[0]!;
    expect(first.dataset.testid).toBe('detail-tab-findings');
    expect(first.getAttribute('aria-selected')).toBe('true');
    const finding = screen.getAllByTestId('finding')[0]!;
    expect(finding.dataset.rule).toBe('decode-failed');
    expect(finding.dataset.severity).toBe('error');
    expect(finding.textContent).toMatch(/not SAML/);
    expect(within(finding).getByText(/Rule reference: decode-failed/)).toBeTruthy();
    expect(finding.textContent).toContain('docs/rules.md#decode-failed');
    // Arrow keys move between tabs.
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    expect(screen.getByTestId('detail-tab-summary').getAttribute('aria-selected')).toBe('true');
  });

  it('detail: Attributes, XML (pretty, raw exact, search) and HTTP tabs', async () => {
    const { source, add } = fakeSource();
    render(<PanelApp source={source} />);
    add(oktaFlow());
    await openRow('Response');
    fireEvent.click(screen.getByTestId('detail-tab-attributes'));
    expect(screen.getAllByTestId('attribute-value').map((v) => v.textContent)).toEqual(['russell.haering@scaleft.com']);
    expect(screen.getByRole('tabpanel').textContent).toContain('username');

    fireEvent.click(screen.getByTestId('detail-tab-xml'));
    const xml = fixtureXml('okta/gosaml2-okta-response.xml');
    expect(screen.getByTestId('xml-view').querySelectorAll('.xml-line').length).toBeGreaterThan(10);
    fireEvent.input(screen.getByLabelText('Search the XML'), { target: { value: 'russellhaering' } });
    expect(screen.getByText(/\d+ match/).textContent).toBe(`${xml.split('russellhaering').length - 1} ${xml.split('russellhaering').length - 1 === 1 ? 'match' : 'matches'}`);
    expect(screen.getByTestId('xml-view').querySelectorAll('mark').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Raw (exact)' }));
    expect(screen.getByTestId('xml-view').textContent).toBe(xml);

    fireEvent.click(screen.getByTestId('detail-tab-http'));
    const http = screen.getByRole('tabpanel');
    expect(http.textContent).toContain('http://localhost:8080/v1/_saml_callback');
    expect(http.textContent).toContain('302');
    expect(within(http).getByText('SAMLResponse')).toBeTruthy();
    expect(within(http).getByText('Content-Type')).toBeTruthy();
  });

  it('marks group values matched / case-only / unknown against cached organization groups', async () => {
    const { source, add } = fakeSource();
    const orgGroups: OrgGroups[] = [{ organization: 'acme', groups: [{ name: 'Domain Users' }, { name: 'zaaksysteemgebruikers' }] }];
    render(<PanelApp source={source} loadOrgGroups={async () => orgGroups} />);
    await screen.findByText('Group list of 1 organization cached');
    add([postEntry('https://testsuite.zaaksysteem.nl/auth/saml/consumer-post', 'SAMLResponse', b64(fixtureXml('adfs/netsaml2-adfs-plain-groups.xml')))]);
    await openRow('Response');
    fireEvent.click(screen.getByTestId('detail-tab-attributes'));
    const marks = screen.getAllByTestId('group-parity').map((m) => [m.closest('li')!.querySelector('[data-testid="attribute-value"]')!.textContent, m.dataset.status]);
    expect(marks).toEqual([
      ['Domain Users', 'exact'],
      ['Zaaksysteemgebruikers', 'case-only'],
    ]);
    expect(screen.getByText(/case-only \(org: zaaksysteemgebruikers\)/)).toBeTruthy();
  });

  it('imports a real HAR file from the file picker', async () => {
    const { source } = fakeSource();
    render(<PanelApp source={source} />);
    const file = new File([har(oktaFlow())], 'okta.har', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('har-import'), { target: { files: [file] } });
    await waitFor(() => expect(kinds()).toEqual(['AuthnRequest', 'Response']));
    expect(screen.getByTestId('file-banner').textContent).toContain('okta.har: 2 SAML exchanges, 1 other requests left out');
    // The banner (a status region) announces the import; the capture announcer stays quiet for a file.
    expect(screen.getByTestId('file-banner').getAttribute('role')).toBe('status');
    expect(screen.getByTestId('capture-announcer').textContent).toBe('');
  });

  it('imports a SAML-tracer export', async () => {
    const { source } = fakeSource('file');
    render(<PanelApp source={source} />);
    const tracer = JSON.stringify({
      timestamp: '2016-07-25T23:15:30.000Z',
      requests: [
        { method: 'GET', url: 'http://localhost:8080/login', requestHeaders: [], responseStatus: 200 },
        { method: 'POST', url: 'http://localhost:8080/v1/_saml_callback', requestHeaders: [{ name: 'Origin', value: 'https://dev.okta.example' }], post: [['SAMLResponse', b64(fixtureXml('okta/gosaml2-okta-response.xml'))]], responseStatus: 302 },
      ],
    });
    fireEvent.change(screen.getByTestId('har-import'), { target: { files: [new File([tracer], 'tracer.json')] } });
    await waitFor(() => expect(kinds()).toEqual(['Response']));
    expect(screen.getByTestId('file-banner').textContent).toContain('tracer.json: 1 SAML exchange, 1 other requests left out');
  });

  it('exports a SAML-tracer file through the redaction review, which the picker imports back to the same findings', async () => {
    const { source, add } = fakeSource();
    const saveFile = vi.fn();
    const { unmount } = render(<PanelApp source={source} saveFile={saveFile} />);
    add(oktaFlow());
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.click(screen.getByTestId('export-tracer-button'));
    expect(saveFile).not.toHaveBeenCalled();
    expect(screen.getByTestId('export-summary').textContent).toMatch(/^Redacted SAML-tracer export of 2 exchanges/);
    fireEvent.click(screen.getByTestId('export-save'));
    const [name, text] = saveFile.mock.calls[0] as [string, string];
    expect(name).toMatch(/^sso-lens-\d{8}-\d{6}-redacted\.saml-tracer\.json$/);
    expect(readCapture(text).format).toBe('saml-tracer');
    const shown = () => rows().map((r) => r.textContent);
    const before = shown();
    unmount();

    render(<PanelApp source={fakeSource('file').source} />);
    fireEvent.change(screen.getByTestId('har-import'), { target: { files: [new File([text], name)] } });
    await waitFor(() => expect(kinds()).toEqual(['AuthnRequest', 'Response']));
    expect(shown()).toEqual(before);
  });

  it('offers .b64, .xml and .txt files in the picker, and reads a saved base64 message', async () => {
    render(<PanelApp source={fakeSource('file').source} />);
    const accept = screen.getByTestId('har-import').getAttribute('accept')!.split(',');
    expect(accept).toEqual(expect.arrayContaining(['.har', '.json', '.xml', '.b64', '.txt']));
    const file = new File([b64(fixtureXml('okta/gosaml2-okta-response.xml'))], 'response.b64');
    fireEvent.change(screen.getByTestId('har-import'), { target: { files: [file] } });
    await waitFor(() => expect(kinds()).toEqual(['Response']));
  });

  it('imports by drag and drop', async () => {
    const { source } = fakeSource('file');
    render(<PanelApp source={source} />);
    expect(screen.getByTestId('empty-state').textContent).toContain('Open a capture');
    const picker = vi.spyOn(screen.getByTestId('har-import') as HTMLInputElement, 'click').mockImplementation(() => {});
    fireEvent.click(screen.getByRole('button', { name: 'Choose a file…' }));
    expect(picker).toHaveBeenCalledOnce();
    const file = new File([har(oktaFlow())], 'dropped.har');
    // happy-dom does not deliver testing-library's synthetic DragEvent: dispatch a plain event carrying the files.
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [file], types: ['Files'] } });
    act(() => {
      screen.getByRole('banner').parentElement!.dispatchEvent(drop);
    });
    expect(drop.defaultPrevented).toBe(true);
    await waitFor(() => expect(rows()).toHaveLength(2));
  });

  it('says clearly why a file cannot be imported', async () => {
    const { source } = fakeSource();
    render(<PanelApp source={source} />);
    fireEvent.change(screen.getByTestId('har-import'), { target: { files: [new File(['{"nope": 1}'], 'export.json')] } });
    expect((await screen.findByRole('alert')).textContent).toContain('export.json: The JSON is neither a HAR file (no "log") nor a SAML-tracer export (no "requests").');
    fireEvent.change(screen.getByTestId('har-import'), { target: { files: [new File(['{"log": {"entries": [{"request": {"url": "https://a.example/"}}]}}'], 'plain.har')] } });
    expect((await screen.findByTestId('empty-state')).textContent).toContain('No SAML in plain.har');
  });

  it('exports redacted by default: none of the NameID, e-mail or attribute values of the input', async () => {
    const { source, add } = fakeSource();
    const saveFile = vi.fn();
    render(<PanelApp source={source} saveFile={saveFile} version="1.2.3" />);
    expect((screen.getByTestId('export-button') as HTMLButtonElement).disabled).toBe(true);
    const input = [
      ...oktaFlow(),
      postEntry('https://testsuite.zaaksysteem.nl/auth/saml/consumer-post', 'SAMLResponse', b64(fixtureXml('adfs/netsaml2-adfs-plain-groups.xml'))),
      postEntry('https://signin.aws.amazon.com/saml', 'SAMLResponse', b64(fixtureXml('entra/saml2aws-aad-response.xml'))),
    ];
    add(input);
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect((screen.getByTestId('redact-checkbox') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByTestId('export-button'));
    // Nothing is saved before the admin has seen what was replaced.
    expect(saveFile).not.toHaveBeenCalled();
    const summary = screen.getByTestId('export-summary').textContent!;
    expect(summary).toMatch(/^Redacted export of 4 exchanges: replaced \d+ e-mails, 1 NameID, \d+ attribute values, .*certificates; 4 SAML messages re-encoded\.$/);
    expect(screen.getByTestId('export-review').textContent).toContain('group names');
    // Group names are kept unless asked: the admin asks here, and the summary counts them.
    fireEvent.click(screen.getByTestId('replace-groups'));
    expect(screen.getByTestId('export-summary').textContent).toMatch(/\d+ group names/);
    fireEvent.click(screen.getByTestId('export-save'));
    expect(saveFile).toHaveBeenCalledOnce();
    expect(screen.queryByTestId('export-review')).toBeNull();
    const [name, text] = saveFile.mock.calls[0] as [string, string];
    expect(name).toMatch(/^sso-lens-\d{8}-\d{6}-redacted\.har$/);
    const decoded = analyzeSaml(readCapture(text).entries).messages.map((m) => m.xml ?? '').join('\n');
    const secrets = ['russellhaering', 'russell.haering@scaleft.com', 'gebruiker@testsuite.zaaksysteem.nl', 'Zaaksysteemgebruikers', 'Domain Users', 'Ruiker'];
    const entra = analyzeSaml([input[4]!]).messages[0]!.assertions[0]!;
    secrets.push(entra.subject.nameId!, ...entra.attributes.filter((a) => /emailaddress|displayname|name$|givenname|surname/.test(a.name)).flatMap((a) => a.values));
    expect(secrets.length).toBeGreaterThan(8);
    for (const s of secrets) {
      expect(text, s).not.toContain(s);
      expect(decoded, s).not.toContain(s);
    }
    expect(screen.getAllByRole('status').map((s) => s.textContent).join(' ')).toMatch(/Exported 4 SAML exchanges, redacted/);

    fireEvent.click(screen.getByTestId('redact-checkbox'));
    fireEvent.click(screen.getByTestId('export-button'));
    const [plainName, plain] = saveFile.mock.calls[1] as [string, string];
    expect(plainName).not.toContain('redacted');
    expect(analyzeSaml(readCapture(plain).entries).messages[1]!.assertions[0]!.subject.nameId).toBe('russellhaering');
  });

  it('opened as a tab with the recorder off: explains and turns it on from the button', async () => {
    const enableRecording = vi.fn(async () => {});
    const { source, status } = fakeSource('recorder', { enableRecording });
    render(<PanelApp source={source} />);
    status({ recording: false, otherRequests: 0 });
    fireEvent.click(await screen.findByRole('button', { name: 'Turn on recording' }));
    expect(enableRecording).toHaveBeenCalledOnce();
    enableRecording.mockRejectedValueOnce(new Error('Recording needs access to the sites you sign in to.'));
    fireEvent.click(screen.getByRole('button', { name: 'Turn on recording' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Recording needs access');
    status({ recording: true, otherRequests: 12 });
    expect((await screen.findByTestId('empty-state')).textContent).toContain('No SAML yet');
    expect(screen.getByText('12 other requests counted, not kept')).toBeTruthy();
  });

  it('shows the recorder error instead of an endless empty list', async () => {
    const { source, status } = fakeSource('recorder');
    render(<PanelApp source={source} />);
    status({ error: 'The background recorder did not answer.' });
    expect((await screen.findByTestId('empty-state')).textContent).toContain('The background recorder did not answer.');
  });
});
