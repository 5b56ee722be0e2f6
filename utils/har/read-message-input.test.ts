import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { isPastedUrl, readMessageInput } from './read-message-input';

const fixture = (name: string) => readFileSync(join(process.cwd(), 'tests/fixtures/cli', name), 'utf8');
const kinds = (text: string) => analyze(readMessageInput(text).entries).messages.map((m) => `${m.kind}/${m.binding}`);

describe('readMessageInput', () => {
  it.each([
    ['okta-response.b64', 'base64', ['Response/post']],
    ['okta-response-wrapped.b64', 'base64', ['Response/post']],
    ['okta-response-urlencoded.txt', 'base64', ['Response/post']],
    ['okta-response-form-body.txt', 'form', ['Response/post']],
    ['crewjam-authn-request-redirect-signed.query', 'query', ['AuthnRequest/redirect']],
    ['authn-request-deflated.b64', 'base64', ['AuthnRequest/redirect']],
    ['authn-request.url', 'url', ['AuthnRequest/redirect']],
    ['okta-response.xml', 'xml', ['Response/post']],
  ])('%s is read as %s', (name, format, expected) => {
    const text = fixture(name);
    expect(readMessageInput(text).format).toBe(format);
    expect(kinds(text)).toEqual(expected);
  });

  it('keeps the form fields beside the message (RelayState) and the Redirect signature of a query string', () => {
    const [form] = analyze(readMessageInput(fixture('okta-response-form-body.txt')).entries).messages;
    expect(form!.relayState).toBe('/projects');
    const [query] = analyze(readMessageInput(fixture('crewjam-authn-request-redirect-signed.query')).entries).messages;
    expect(query!.redirectSignature?.sigAlg).toMatch(/rsa-sha1$/);
    expect(isPastedUrl(query!.url)).toBe(true);
  });

  it('refuses text that is no SAML form at all, with a sentence', () => {
    expect(() => readMessageInput('')).toThrow('The input is empty.');
    expect(() => readMessageInput('hello')).toThrow(/^Not a HAR file, SAML-tracer export or SAML message: as base64/);
    expect(() => readMessageInput('The customer says: it fails.')).toThrow(/^Not a HAR file/);
    expect(() => readMessageInput('https://example.com/login?x=1')).toThrow('The URL carries no SAMLRequest, SAMLResponse or SAMLart parameter.');
  });

  it('keeps a damaged message as a message, so that its decode-failed finding explains it', () => {
    const truncated = fixture('authn-request-deflated.b64').trim().slice(0, 120);
    const { findings } = analyze(readMessageInput(truncated).entries);
    expect(findings.map((f) => f.rule)).toContain('decode-failed');
  });
});
