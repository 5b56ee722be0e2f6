// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import type { CaptureSink, CaptureSource } from '@/utils/panel/capture-source';
import { b64, postEntry } from '@/tests/support/har-builder';
import { PanelApp } from './PanelApp';

const PAYLOAD = '<img src=x onerror=alert(1)>';
const ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';
const RESPONSE = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${ESCAPED}" Version="2.0" IssueInstant="2024-01-01T00:00:00Z" Destination="https://sp.example/acs?${ESCAPED}">
<saml:Issuer>${ESCAPED}</saml:Issuer>
<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder"/><samlp:StatusMessage>${ESCAPED}</samlp:StatusMessage></samlp:Status>
<saml:Assertion ID="_a" Version="2.0" IssueInstant="2024-01-01T00:00:00Z"><saml:Issuer>${ESCAPED}</saml:Issuer>
<saml:Subject><saml:NameID>${ESCAPED}</saml:NameID></saml:Subject>
<saml:AttributeStatement><saml:Attribute Name="${ESCAPED}" FriendlyName="${ESCAPED}"><saml:AttributeValue>${ESCAPED}</saml:AttributeValue><saml:AttributeValue><![CDATA[${PAYLOAD}]]></saml:AttributeValue></saml:Attribute></saml:AttributeStatement>
</saml:Assertion></samlp:Response>`;

afterEach(cleanup);

it('renders captured values holding HTML as text: no element is ever created from them', async () => {
  let sink: CaptureSink | undefined;
  const source: CaptureSource = { kind: 'devtools', label: 'test', connect: (s) => ((sink = s), () => {}), clear: async () => {} };
  render(<PanelApp source={source} />);
  const entry = postEntry(`https://sp.example/acs?q=${encodeURIComponent(PAYLOAD)}`, 'SAMLResponse', b64(RESPONSE), { relayState: PAYLOAD });
  entry.request.headers.push({ name: 'X-Note', value: PAYLOAD }, { name: PAYLOAD, value: 'header name' });
  entry.response.statusText = PAYLOAD;
  act(() => sink!.add([{ entry, source: 'panel' }], true));

  const row = await screen.findByTestId('message-row');
  expect(row.textContent).toContain(`${PAYLOAD} → https://sp.example/acs?<img`);
  fireEvent.click(row);
  // The detail's code loads on demand with the first message.
  await screen.findByTestId('detail-tab-findings');
  const seen: string[] = [];
  for (const tab of ['findings', 'summary', 'attributes', 'xml', 'http']) {
    fireEvent.click(screen.getByTestId(`detail-tab-${tab}`));
    seen.push(screen.getByRole('tabpanel').textContent ?? '');
    expect(document.querySelector('img'), tab).toBeNull();
  }
  fireEvent.click(screen.getByTestId('detail-tab-xml'));
  fireEvent.input(screen.getByLabelText('Search the XML'), { target: { value: 'img' } });
  fireEvent.click(screen.getByRole('button', { name: 'Raw (exact)' }));
  expect(document.querySelector('img')).toBeNull();
  expect(screen.getByTestId('xml-view').textContent).toBe(RESPONSE);

  // The payload is there, as text, in the summary (Issuer, NameID, StatusMessage), attributes and HTTP tabs.
  expect(seen[1]).toContain(PAYLOAD);
  expect(seen[2]!.split(PAYLOAD).length).toBeGreaterThan(3);
  expect(seen[4]).toContain(PAYLOAD);
  expect(screen.getAllByTestId('message-row')).toHaveLength(1);
  expect(document.querySelectorAll('script, iframe, object, embed, svg')).toHaveLength(0);
});
