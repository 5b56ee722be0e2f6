import type { HarEntry, HarNameValue } from '@/utils/har/types';
import { parseUrlEncoded } from '@/utils/saml/detect';
import type { Message } from '@/utils/protocols/types';

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

export function HttpTab({ message, entry }: { message: Message; entry: HarEntry | undefined }) {
  if (!entry) return <p class="tab-empty">The exchange is no longer in the capture.</p>;
  const { request, response } = entry;
  const query = queryPairs(request.url);
  const form = formPairs(entry);
  return (
    <div class="http">
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
