// A sign-in's trace (the redirect that started it, the IdP's error page, the ACS answer, the landing page) in
// every report format: the same steps everywhere, values redacted in the ticket formats, hostile ones inert.
import { describe, expect, it } from 'vitest';
import { analyze } from '../utils/analyze';
import type { HarEntry } from '../utils/har/types';
import { signInEntries } from '../tests/support/protocol-builder';
import { tracedSignIn } from '../tests/support/trace-builder';
import { toHtmlReport } from './format-html';
import { toMarkdownReport } from './format-markdown';
import { PLAIN, toJsonReport, toTextReport } from './format-report';
import { buildReport } from './report-model';
import { valueScrubber } from './scrub-values';

function reports(entries: HarEntry[], redacted: boolean) {
  const analysis = analyze(entries);
  const model = buildReport(analysis, ['capture.har']);
  const scrub = redacted ? valueScrubber(analysis.messages) : (s: string) => s;
  return {
    analysis,
    json: JSON.parse(JSON.stringify(toJsonReport(analysis, ['capture.har']))) as ReturnType<typeof toJsonReport>,
    markdown: toMarkdownReport(model, scrub, redacted, 'HAR'),
    html: toHtmlReport(model, scrub, redacted, 'HAR'),
  };
}

describe('the trace in the JSON report', () => {
  it("lists each step with method, URL, status, Location, timing, content type and the IdP error page's code and words", () => {
    const { json } = reports(tracedSignIn(), false);
    const trace = (json.flows[0] as { trace?: Array<Record<string, unknown>> }).trace!;
    expect(trace.map((s) => [s.exchangeIndex, s.kind ?? s.mimeType, s.method, s.status, s.offsetSeconds])).toEqual([
      [0, undefined, 'GET', 302, 0],
      [1, 'AuthnRequest', 'GET', 302, 1],
      [2, 'text/html; charset=utf-8', 'GET', 200, 2],
      [3, 'Response', 'POST', 302, 8],
      [4, 'text/html', 'GET', 200, 8.5],
    ]);
    expect(trace[0]).toMatchObject({ url: expect.stringContaining('/login?login_hint='), location: expect.stringContaining('https://idp.example.com/sso?SAMLRequest='), durationMs: 41.6 });
    expect(trace[2]!.errorPage).toEqual({ idp: 'Microsoft Entra ID', code: 'AADSTS50105', text: 'The signed in user jane.doe@corp.example is not assigned to a role for the application.' });
    // The text report's short label is not repeated: the error page says it.
    expect(trace.some((s) => 'error' in s)).toBe(false);
  });

  it('has no trace field for a capture of the messages alone', () => {
    const { json } = reports(signInEntries(), false);
    expect(json.flows[0]).not.toHaveProperty('trace');
  });
});

describe('the trace in the Markdown report', () => {
  it('is a table of the steps, then the error page in its own words, with URLs and values redacted', () => {
    const { markdown } = reports(tracedSignIn(), true);
    const section = markdown.slice(markdown.indexOf('### Trace'));
    const rows = section.split('\n').filter((l) => l.startsWith('| +'));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatch(/^\| \+0\.00 s \(42 ms\) \| 302 \| request \| `GET https:\/\/sp\.example\.com\/login\?login_hint=token-\d+&return=%2Fhome` \| `https:\/\/idp\.example\.com\/sso\?SAMLRequest=/);
    expect(rows[2]).toMatch(/^\| \+2\.00 s \| 200 \| text\/html \*\*AADSTS50105\*\* \| `GET https:\/\/login\.microsoftonline\.com\/tid\/saml2\?code=token-\d+&client-request-id=1f2e` \| — \|$/);
    expect(rows[4]).toMatch(/\| 200 \| text\/html \| `GET https:\/\/sp\.example\.com\/home\?session_state=token-\d+` \| — \|$/);
    expect(section).toMatch(/- Microsoft Entra ID error page `AADSTS50105` \(\+2\.00 s\): `The signed in user user\d+@redacted\.invalid is not assigned/);
    for (const secret of ['jane.doe', 'secret-code', 'abc123def456']) expect(markdown).not.toContain(secret);
  });

  it('shows the values as captured with --no-redact', () => {
    const { markdown } = reports(tracedSignIn(), false);
    expect(markdown).toContain('`GET https://login.microsoftonline.com/tid/saml2?code=0.AXkA-secret-code&client-request-id=1f2e`');
    expect(markdown).toContain('jane.doe@corp.example is not assigned');
  });

  it('has no trace section for a capture of the messages alone', () => {
    expect(reports(signInEntries(), true).markdown).not.toContain('Trace');
  });

  it('keeps hostile URLs, Locations and error page words inside code spans', () => {
    for (const redacted of [true, false]) {
      const { markdown } = reports(tracedSignIn({ hostile: true }), redacted);
      const section = markdown.slice(markdown.indexOf('### Trace'));
      const outsideCode = section.replace(/(?<!\\)(`+)[\s\S]*?\1/g, '');
      expect(outsideCode).not.toMatch(/<script|<img|\]\(javascript:/i);
      expect(section).toContain('`E0000022`');
      expect(section.match(/<script>/g)?.length ?? 0).toBeGreaterThanOrEqual(redacted ? 1 : 2);
      // Every table row keeps its five cells: no pipe in a value splits one.
      for (const row of section.split('\n').filter((l) => l.startsWith('| +'))) expect(row.split(/(?<!\\)\|/)).toHaveLength(7);
    }
  });
});

describe('the trace in the HTML report', () => {
  it('is a table of the steps with the failing ones marked, and the error page in its own words, redacted', () => {
    const { html } = reports(tracedSignIn(), true);
    const section = html.slice(html.indexOf('<h3>Trace</h3>'));
    expect(section.match(/<tr( class="bad")?><td>/g)).toHaveLength(5);
    expect(section).toContain('<tr class="bad"><td>+2.00 s</td><td>200</td><td>text/html <strong>AADSTS50105</strong></td>');
    expect(section).toMatch(/<code>GET https:\/\/sp\.example\.com\/login\?login_hint=token-\d+&#38;return=%2Fhome<\/code>/);
    expect(section).toMatch(/<li>Microsoft Entra ID error page <code>AADSTS50105<\/code> \(\+2\.00 s\): <code>The signed in user user\d+@redacted\.invalid/);
    for (const secret of ['jane.doe', 'secret-code', 'abc123def456']) expect(html).not.toContain(secret);
  });

  it('renders hostile URLs, Locations and error page words as text', () => {
    for (const redacted of [true, false]) {
      const { html } = reports(tracedSignIn({ hostile: true }), redacted);
      expect(html).not.toMatch(/<script|<img|onerror=alert\(2\)>|href=/i);
      expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
      // The error page's words and the landing URL are the hostile values here.
      const section = html.slice(html.indexOf('<h3>Trace</h3>'));
      expect(section).toContain('<code>E0000022</code>');
      expect(section.match(/&#60;script&#62;/g)?.length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('the trace in the text report', () => {
  it('is unchanged by the ticket formats: the same steps, the full URLs', () => {
    const entries = tracedSignIn();
    const text = toTextReport(analyze(entries), PLAIN);
    const trace = text.slice(text.indexOf('  trace\n')).split('\n').slice(1, 6);
    expect(trace[0]).toBe(`      +0.00 s  302  request  GET ${entries[0]!.request.url} → ${entries[1]!.request.url}`);
    expect(trace[2]).toBe('      +2.00 s  200  text/html [AADSTS50105]  GET https://login.microsoftonline.com/tid/saml2?code=0.AXkA-secret-code&client-request-id=1f2e');
  });
});
