import { describe, expect, it } from 'vitest';
import { readIdpErrorPage } from '../flow/idp-error-page';
import { slimEntry } from './slim-entry';
import type { HarEntry } from './types';

const page = (url: string, mimeType: string, text: string, status = 200): HarEntry => ({
  startedDateTime: '2024-01-01T00:00:00Z',
  request: { method: 'GET', url, headers: [{ name: 'Cookie', value: 'sid=1' }] },
  response: { status, headers: [{ name: 'Location', value: '/next' }, { name: 'ETag', value: 'x' }], content: { size: text.length, mimeType, text } },
});

describe('slimEntry', () => {
  it('keeps a SAML exchange whole, its form body once', () => {
    const entry: HarEntry = {
      startedDateTime: '',
      request: { method: 'POST', url: 'https://sp/acs', headers: [], postData: { mimeType: 'application/x-www-form-urlencoded', text: 'SAMLResponse=PHg%2B', params: [{ name: 'SAMLResponse', value: 'PHg%2B' }] } },
      response: { status: 302, headers: [], content: { size: 3, mimeType: 'text/html', text: 'big' } },
    };
    const slim = slimEntry(entry);
    expect(slim.request.postData).toEqual({ mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'SAMLResponse', value: 'PHg%2B' }] });
    expect(slim.response).toEqual(entry.response);
  });

  it('keeps of other traffic the request line, status, redirect target and a short page', () => {
    const slim = slimEntry(page('https://app/landing', 'text/html', '<p>Welcome</p>'));
    expect(slim.request.headers).toEqual([]);
    expect(slim.response.headers).toEqual([{ name: 'Location', value: '/next' }]);
    expect(slim.response.content?.text).toBe('<p>Welcome</p>');
    expect(slimEntry(page('https://cdn/app.js', 'application/javascript', 'x'.repeat(100))).response.content).toEqual({ size: 100, mimeType: 'application/javascript' });
    expect(slimEntry(page('https://app/big', 'text/html', 'x'.repeat(100_000))).response.content?.text).toBeUndefined();
  });

  it('keeps a long IdP error page, so the trace still reads its error code', () => {
    const entra = page('https://login.microsoftonline.com/t/saml2', 'text/html', `${'<script>var x=1;</script>'.repeat(4000)}<div>AADSTS50105: The signed in user is not assigned to a role for the application.</div>`);
    const slim = slimEntry(entra);
    expect(readIdpErrorPage(slim)).toEqual(readIdpErrorPage(entra));
    expect(readIdpErrorPage(slim)?.code).toBe('AADSTS50105');
  });
});
