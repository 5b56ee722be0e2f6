import { describe, expect, it } from 'vitest';
import { plainEntry } from '../../tests/support/har-builder';
import type { HarEntry } from '../har/types';
import { readIdpErrorPage } from './idp-error-page';

function page(url: string, text: string, o: { status?: number; mimeType?: string; base64?: boolean } = {}): HarEntry {
  const entry = plainEntry(url);
  entry.response = {
    status: o.status ?? 200,
    headers: [],
    content: { mimeType: o.mimeType ?? 'text/html; charset=utf-8', text: o.base64 ? Buffer.from(text).toString('base64') : text, ...(o.base64 ? { encoding: 'base64' } : {}) },
  };
  return entry;
}

// The shape of Entra's sign-in error page: the message sits in the page's $Config JSON and in its table.
const ENTRA_PAGE = `<html><head><title>Sign in to your account</title></head><body><script>$Config={"strServiceExceptionMessage":"AADSTS50105: Your administrator has configured the application SonarQube Cloud (\\u0027abc\\u0027) to block users unless they are specifically granted (\\u0027assigned\\u0027) access to the application.","iErrorCode":50105};</script></body></html>`;

describe('readIdpErrorPage', () => {
  it("reads Entra's AADSTS code and message, also from a base64 body", () => {
    const expected = {
      idp: 'Microsoft Entra ID',
      code: 'AADSTS50105',
      text: "Your administrator has configured the application SonarQube Cloud ('abc') to block users unless they are specifically granted ('assigned') access to the application.",
    };
    expect(readIdpErrorPage(page('https://login.microsoftonline.com/tid/saml2', ENTRA_PAGE))).toEqual(expected);
    expect(readIdpErrorPage(page('https://login.microsoftonline.com/tid/saml2', ENTRA_PAGE, { base64: true }))).toEqual(expected);
  });

  it("reads Okta's error JSON and its not-assigned page, on Okta hosts only", () => {
    expect(readIdpErrorPage(page('https://acme.okta.com/app/x/sso/saml', '{"errorCode":"E0000022","errorSummary":"The endpoint does not support the provided HTTP method"}', { status: 405, mimeType: 'application/json' }))).toEqual({
      idp: 'Okta',
      code: 'E0000022',
      text: 'The endpoint does not support the provided HTTP method',
    });
    const notAssigned = '<h2>Sorry, you can&#39;t access SonarQube Cloud because you are not assigned this app in Okta.</h2>';
    expect(readIdpErrorPage(page('https://acme.okta.com/app/sonar/sso/saml', notAssigned, { status: 403 }))?.text).toBe(
      "Sorry, you can't access SonarQube Cloud because you are not assigned this app in Okta",
    );
    expect(readIdpErrorPage(page('https://evil.example/okta', notAssigned, { status: 403 }))).toBeUndefined();
  });

  it('reads AD FS MSIS codes', () => {
    expect(readIdpErrorPage(page('https://adfs.acme.com/adfs/ls/', '<p>MSIS7012: An error occurred while processing the request.</p>', { status: 500 }))).toEqual({
      idp: 'AD FS',
      code: 'MSIS7012',
      text: 'An error occurred while processing the request.',
    });
  });

  it('stays silent on ordinary pages, images, and empty or odd bodies', () => {
    expect(readIdpErrorPage(page('https://sonarcloud.io/projects', '<html><body>Projects</body></html>'))).toBeUndefined();
    expect(readIdpErrorPage(page('https://login.microsoftonline.com/x.png', 'AADSTS50105', { mimeType: 'image/png' }))).toBeUndefined();
    expect(readIdpErrorPage(plainEntry('https://sonarcloud.io/'))).toBeUndefined();
    expect(readIdpErrorPage(page('https://x.example/', 'not base64 at all %%%', { base64: false, mimeType: 'text/html' }))).toBeUndefined();
  });

  it('takes linear time on a hostile 1 MB body', () => {
    const hostile = 'AADSTS'.repeat(1) + 'A'.repeat(1 << 20) + 'MSIS'.repeat(50_000) + '"errorSummary":"'.repeat(20_000);
    const found = readIdpErrorPage(page('https://acme.okta.com/', hostile));
    expect(found).toBeUndefined();
  });
});
