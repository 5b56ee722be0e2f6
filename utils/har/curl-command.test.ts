import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { b64, postEntry, redirectEntry } from '../../tests/support/har-builder';
import { curlCommand, shellQuote } from './curl-command';
import type { HarEntry } from './types';

/** What a POSIX shell makes of the command: its words, as curl would receive them. */
const words = (command: string): string[] => JSON.parse(execFileSync('sh', ['-c', `node -e 'console.log(JSON.stringify(process.argv.slice(1)))' -- ${command.replace(/^curl /, '')}`], { encoding: 'utf8' }));

const withHeaders = (entry: HarEntry): HarEntry => ({
  ...entry,
  request: {
    ...entry.request,
    headers: [
      { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
      { name: 'Cookie', value: 'JSESSIONID=abc123' },
      { name: 'Authorization', value: 'Bearer eyJ.secret' },
      { name: 'Content-Length', value: '42' },
      { name: ':authority', value: 'sp.example' },
      { name: 'User-Agent', value: "Ann's browser" },
    ],
  },
});

describe('curl command', () => {
  it('posts the form body as sent, leaving out cookies and credentials unless asked', () => {
    const entry = withHeaders(postEntry('https://sp.example/acs', 'SAMLResponse', b64('<samlp:Response/>'), { relayState: "/a b?c='d'" }));
    const { command, omitted } = curlCommand(entry);
    expect(omitted).toBe(2);
    expect(command).not.toContain('JSESSIONID');
    expect(command).not.toContain('eyJ.secret');
    const args = words(command);
    expect(args).toEqual([
      'https://sp.example/acs',
      '-H',
      'Content-Type: application/x-www-form-urlencoded',
      '-H',
      "User-Agent: Ann's browser",
      '--data-raw',
      entry.request.postData!.text,
    ]);

    const full = curlCommand(entry, { credentials: true });
    expect(full.omitted).toBe(0);
    expect(words(full.command)).toEqual(expect.arrayContaining(['Cookie: JSESSIONID=abc123', 'Authorization: Bearer eyJ.secret']));
  });

  it('a GET has no method flag and no body; other methods are named', () => {
    const get = redirectEntry('https://idp.example/sso', 'SAMLRequest', 'abc+/=');
    expect(words(curlCommand(get).command)).toEqual([get.request.url]);
    const put = { ...get, request: { ...get.request, method: 'PUT' } };
    expect(words(curlCommand(put).command)).toEqual([get.request.url, '-X', 'PUT']);
  });

  it('joins params back when a HAR keeps no body text, and sends the cookie list only when asked', () => {
    const entry: HarEntry = {
      startedDateTime: '',
      request: {
        method: 'POST',
        url: 'https://sp.example/acs',
        headers: [],
        cookies: [{ name: 'sid', value: 's3cret' }],
        postData: { mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'SAMLResponse', value: 'PHg+/w==' }, { name: 'RelayState', value: '%2Fhome' }] },
      },
      response: { status: 200, headers: [] },
    };
    expect(curlCommand(entry)).toEqual({ command: expect.not.stringContaining('s3cret'), omitted: 1 });
    expect(words(curlCommand(entry).command)).toEqual(['https://sp.example/acs', '--data-raw', 'SAMLResponse=PHg%2B%2Fw%3D%3D&RelayState=%2Fhome']);
    expect(words(curlCommand(entry, { credentials: true }).command)).toContain('sid=s3cret');
  });

  it('quotes anything a shell would read: quotes, $, backticks, newlines', () => {
    const text = "a'b $HOME `id` \"q\"\nnext";
    expect(words(shellQuote(text))).toEqual([text]);
  });
});
