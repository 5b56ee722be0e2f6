import { useMemo, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { foldsOf, prettyXml, type XmlLine } from '@/utils/panel/pretty-xml';
import type { SamlMessage } from '@/utils/saml/types';
import { copyToClipboard } from './copy-to-clipboard';

/** More lines than this are not drawn in the pretty view (the raw view and Copy still have everything). */
export const MAX_PRETTY_LINES = 10_000;

/** Text with each occurrence of `needle` (case-insensitive) in a <mark>; all as text nodes. */
function marked(text: string, needle: string): { nodes: ComponentChildren; count: number } {
  if (!needle) return { nodes: text, count: 0 };
  const lower = text.toLowerCase();
  const parts: ComponentChildren[] = [];
  let at = 0;
  let count = 0;
  for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + needle.length)) {
    if (i > at) parts.push(text.slice(at, i));
    parts.push(<mark key={i}>{text.slice(i, i + needle.length)}</mark>);
    at = i + needle.length;
    count++;
  }
  if (!count) return { nodes: text, count: 0 };
  if (at < text.length) parts.push(text.slice(at));
  return { nodes: parts, count };
}

export function XmlTab({ message }: { message: SamlMessage }) {
  const [mode, setMode] = useState<'pretty' | 'raw'>('pretty');
  const [query, setQuery] = useState('');
  const [copied, setCopied] = useState<'' | 'copied' | 'copied-base64' | 'failed'>('');
  const source = message.xml;
  const lines = useMemo(() => (source === undefined ? [] : prettyXml(source)), [source]);
  const folds = useMemo(() => new Map(foldsOf(lines).map((f) => [f.start, f])), [lines]);
  /** Folds the reader opened (all start folded). */
  const [opened, setOpened] = useState<ReadonlySet<number>>(new Set());

  if (source === undefined) {
    return (
      <div class="xml-missing">
        <p class="tab-empty">{message.problem ? `The ${message.param} field could not be decoded: ${message.problem.detail}.` : 'This message has no XML (an artifact is only a reference).'}</p>
        <h3>{message.param} as sent</h3>
        <pre class="raw-value" data-testid="xml-view">
          {message.raw}
        </pre>
      </div>
    );
  }

  const needle = query.toLowerCase();
  let matches = 0;
  let view: ComponentChildren;
  if (mode === 'raw') {
    const m = marked(source, needle);
    matches = m.count;
    view = m.nodes;
  } else {
    const shown = lines.slice(0, MAX_PRETTY_LINES);
    const drawLine = (line: XmlLine, i: number) => {
      let hit = false;
      const tokens = line.tokens.map((t, j) => {
        const m = marked(t.text, needle);
        if (m.count) {
          hit = true;
          matches += m.count;
        }
        return (
          <span key={j} class={`x-${t.kind}`}>
            {m.nodes}
          </span>
        );
      });
      // A search shows every line: a match is never hidden in a fold.
      const fold = needle ? undefined : folds.get(i);
      const folded = fold !== undefined && !opened.has(i);
      const toggle = () => setOpened((o) => (o.has(i) ? new Set([...o].filter((x) => x !== i)) : new Set([...o, i])));
      return (
        <div key={i} class={`xml-line${hit ? ' hit' : ''}`} style={{ paddingLeft: `${line.depth * 2}ch` }}>
          {fold && (
            <button type="button" class="xml-fold" aria-expanded={!folded} data-testid="xml-fold" aria-label={`${fold.name} (${fold.end - fold.start - 1} lines)`} title={folded ? `Show ${fold.name}` : `Fold ${fold.name}`} onClick={toggle}>
              {folded ? '▸' : '▾'}
            </button>
          )}
          {tokens}
          {folded && (
            <button type="button" class="link xml-folded" onClick={toggle} aria-label={`Show ${fold.name}: ${fold.end - fold.start - 1} lines`}>
              {` … ${fold.end - fold.start - 1} lines … `}
            </button>
          )}
          {folded && <span class="x-punct">{`</${fold.name}>`}</span>}
        </div>
      );
    };
    const out: ComponentChildren[] = [];
    for (let i = 0; i < shown.length; i++) {
      out.push(drawLine(shown[i]!, i));
      const fold = needle ? undefined : folds.get(i);
      if (fold && !opened.has(i)) i = fold.end;
    }
    view = out;
  }

  const copy = async (what: 'xml' | 'base64') => {
    const ok = await copyToClipboard(what === 'xml' ? source : message.raw);
    setCopied(ok ? (what === 'xml' ? 'copied' : 'copied-base64') : 'failed');
    setTimeout(() => setCopied(''), 2000);
  };

  return (
    <div class="xml-tab">
      <div class="xml-tools">
        <div role="group" aria-label="XML view">
          <button type="button" class="chip" aria-pressed={mode === 'pretty'} onClick={() => setMode('pretty')}>
            Pretty
          </button>
          <button type="button" class="chip" aria-pressed={mode === 'raw'} onClick={() => setMode('raw')}>
            Raw (exact)
          </button>
        </div>
        <input type="search" placeholder="Search the XML" aria-label="Search the XML" value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
        {needle && (
          <span class="muted" role="status">
            {matches} {matches === 1 ? 'match' : 'matches'}
          </span>
        )}
        <button type="button" onClick={() => copy('xml')}>
          {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy XML'}
        </button>
        <button type="button" onClick={() => copy('base64')} title={`The ${message.param} field as sent (base64${message.binding === 'redirect' ? ', deflated' : ''})`}>
          {copied === 'copied-base64' ? 'Copied' : 'Copy base64'}
        </button>
      </div>
      {mode === 'pretty' && lines.length > MAX_PRETTY_LINES && (
        <p class="muted">Showing the first {MAX_PRETTY_LINES.toLocaleString('en')} of {lines.length.toLocaleString('en')} lines: use Raw or Copy for all of it.</p>
      )}
      <pre class={`xml-view xml-${mode}`} data-testid="xml-view" tabIndex={0}>
        {view}
      </pre>
    </div>
  );
}
