import { describe, expect, it } from 'vitest';
import { readCapture } from './read-capture';
import { slimEntry } from './slim-entry';
import { readCaptureStream } from './stream-capture';

async function* chunks(text: string, size: number): AsyncIterable<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
const read = (text: string, size = 7) => readCaptureStream(chunks(text, size));

const HAR = JSON.stringify({
  log: {
    version: '1.2',
    pages: [{ id: 'p' }],
    entries: [
      { startedDateTime: '2024-01-01T00:00:00Z', request: { method: 'POST', url: 'https://sp/acs', headers: [], postData: { mimeType: 'application/x-www-form-urlencoded', text: 'SAMLResponse=PHg%2B' } }, response: { status: 302, headers: [] } },
      { request: { url: 7 } },
      { startedDateTime: '2024-01-01T00:00:01Z', request: { method: 'GET', url: 'https://sp/app.js', headers: [{ name: 'a', value: 'b' }] }, response: { status: 200, headers: [{ name: 'Location', value: '/x' }, { name: 'etag', value: '1' }], content: { size: 9, mimeType: 'application/javascript', text: 'x'.repeat(9) } } },
      { request: { url: 'https://sp/é' }, response: { status: 200, headers: [] } },
    ],
  },
});

describe('readCaptureStream', () => {
  it('reads the same entries as readCapture, whatever the chunk boundaries (multi-byte characters split too)', async () => {
    const whole = readCapture(HAR);
    for (const size of [1, 3, 64, 1 << 20]) expect(await read(HAR, size)).toEqual(whole);
  });

  it('reads SAML-tracer exports, the timestamp after the requests included', async () => {
    const tracer = JSON.stringify({ requests: [{ method: 'POST', url: 'https://sp/acs', post: [['SAMLResponse', 'PHg+']] }], timestamp: '2024-01-01T00:00:00Z' });
    expect(await read(tracer)).toEqual(readCapture(tracer));
    expect((await read(tracer)).entries[0]!.startedDateTime).toBe('2024-01-01T00:00:00Z');
  });

  it('keeps what the caller keeps (here slimEntry: SAML exchanges whole, other traffic short)', async () => {
    const { entries } = await readCaptureStream(chunks(HAR, 100), { keep: slimEntry });
    expect(entries[0]!.request.postData?.text).toBe('SAMLResponse=PHg%2B');
    expect(entries[1]!.request.headers).toEqual([]);
    expect(entries[1]!.response.headers).toEqual([{ name: 'Location', value: '/x' }]);
    expect(entries[1]!.response.content).toEqual({ size: 9, mimeType: 'application/javascript' });
  });

  it('says what is wrong with a file that is not a capture', async () => {
    await expect(read('{"log":{"entries":{}}}')).rejects.toThrow('The HAR file has no log.entries list.');
    await expect(read('{"log":{}}')).rejects.toThrow('The HAR file has no log.entries list.');
    await expect(read('[1,2]')).rejects.toThrow(/neither a HAR file/);
    await expect(read('{"name":"pkg","requests":"x"}')).rejects.toThrow(/neither a HAR file/);
    await expect(read(HAR.slice(0, 200))).rejects.toThrow(/ends in the middle of a value/);
    await expect(read('{"log" 1}')).rejects.toThrow(/^The file is not valid JSON: /);
    expect(await read('{"log":{"entries":[]}}')).toEqual({ format: 'har', entries: [] });
  });
});
