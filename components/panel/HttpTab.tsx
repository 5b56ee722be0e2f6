import { useState } from 'preact/hooks';
import { curlCommand } from '@/utils/har/curl-command';
import type { HarEntry, HarNameValue } from '@/utils/har/types';
import { parseUrlEncoded } from '@/utils/saml/detect';
import type { Message } from '@/utils/protocols/types';
import { copyToClipboard } from './copy-to-clipboard';

function Pairs({ title, pairs, empty }: { title: string; pairs: readonly HarNameValue[]; empty: string }) {
  return (
    <section>
      <h3>{title}</h3>
      {pairs.length ? (
        <table class="pairs">
          <tbody>
            {pairs.map((p, i) => (
              <tr key={i}>
                <th scope="row">{p.name}</th>
                <td>
                  <code class="wrap">{p.value}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">{empty}</p>
      )}
    </section>
  );
}

function queryPairs(url: string): HarNameValue[] {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const hash = url.indexOf('#', q);
  return parseUrlEncoded(url.slice(q + 1, hash < 0 ? undefined : hash));
}

function decodeForm(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

function formPairs(entry: HarEntry): HarNameValue[] {
  const post = entry.request.postData;
  if (!post) return [];
  // Chrome keeps form params URL-encoded, Firefox decodes them: show them decoded either way.
  if (post.params?.length) return post.params.map((p) => ({ name: p.name, value: /%[0-9A-Fa-f]{2}/.test(p.value ?? '') ? decodeForm(p.value!) : (p.value ?? '') }));
  if (post.text && /x-www-form-urlencoded/i.test(post.mimeType ?? 'application/x-www-form-urlencoded')) return parseUrlEncoded(post.text);
  return post.text ? [{ name: `body (${post.mimeType || 'no type'})`, value: post.text }] : [];
}

/** Copies the request as a curl command; cookies and credentials only when the user ticks the box. */
function CopyAsCurl({ entry }: { entry: HarEntry }) {
  const [credentials, setCredentials] = useState(false);
  const [said, setSaid] = useState('');
  const copy = async () => {
    const { command, omitted } = curlCommand(entry, { credentials });
    const ok = await copyToClipboard(command);
    setSaid(!ok ? 'Copy failed' : omitted ? `Copied, without ${omitted} cookie or credential ${omitted === 1 ? 'header' : 'headers'}` : 'Copied');
    setTimeout(() => setSaid(''), 3000);
  };
  return (
    <div class="xml-tools">
      <button type="button" onClick={copy} data-testid="copy-curl">
        Copy as curl
      </button>
      <label class="check" title="A command with the session cookie signs in as this user wherever it is pasted: include it only to replay the request yourself">
        <input type="checkbox" checked={credentials} onChange={(e) => setCredentials((e.currentTarget as HTMLInputElement).checked)} data-testid="curl-credentials" />
        with cookies and credentials
      </label>
      <span class="muted" role="status">
        {said}
      </span>
    </div>
  );
}

export function HttpTab({ message, entry }: { message: Message; entry: HarEntry | undefined }) {
  if (!entry) return <p class="tab-empty">The exchange is no longer in the capture.</p>;
  const { request, response } = entry;
  const query = queryPairs(request.url);
  const form = formPairs(entry);
  return (
    <div class="http">
      <CopyAsCurl entry={entry} />
      <dl>
        <div class="summary-row">
          <dt>Request</dt>
          <dd>
            <code>{request.method}</code> <code class="wrap">{request.url}</code>
          </dd>
        </div>
        <div class="summary-row">
          <dt>Status</dt>
          <dd>
            {response.status ? `${response.status} ${response.statusText ?? ''}` : <span class="muted">no response captured</span>}
          </dd>
        </div>
        {entry.startedDateTime && (
          <div class="summary-row">
            <dt>Started</dt>
            <dd>
              <code>{entry.startedDateTime}</code>
            </dd>
          </div>
        )}
        {message.protocol === 'saml' && (
          <div class="summary-row">
            <dt>RelayState</dt>
            <dd>{message.relayState !== undefined ? <code class="wrap">{message.relayState}</code> : <span class="muted">none</span>}</dd>
          </div>
        )}
        {request.postData?._truncated && (
          <div class="summary-row">
            <dt>Body</dt>
            <dd class="validity-expired">cut short by the browser or a size limit: the message may be incomplete</dd>
          </div>
        )}
      </dl>
      {query.length > 0 && <Pairs title="Query parameters" pairs={query} empty="" />}
      {request.method !== 'GET' && <Pairs title="Form fields" pairs={form} empty="No body was captured." />}
      <Pairs title="Request headers" pairs={request.headers} empty="No request headers were captured." />
      <Pairs title="Response headers" pairs={response.headers} empty="No response headers were captured." />
    </div>
  );
}
