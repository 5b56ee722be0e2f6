// A pretty view of XML for reading, built from the source text alone: it indents and splits lines but never
// rewrites names, values or text (the raw view shows the exact source). The output is plain tokens so the
// view renders them as text nodes, never as HTML.

export type XmlTokenKind = 'punct' | 'tag' | 'attr' | 'value' | 'text' | 'comment' | 'cdata' | 'decl';

export interface XmlToken {
  kind: XmlTokenKind;
  text: string;
}

export interface XmlLine {
  depth: number;
  tokens: XmlToken[];
}

type Node =
  | { type: 'open'; name: string; tokens: XmlToken[]; selfClosing: boolean }
  | { type: 'close'; name: string; tokens: XmlToken[] }
  | { type: 'text'; text: string }
  | { type: 'other'; tokens: XmlToken[] };

/** Bounds the work on a hostile or huge message: past this, the rest is shown as one text line. */
export const MAX_PRETTY_NODES = 50_000;

const NAME = /^[^\s/>=]+/;

function scan(source: string): Node[] {
  const nodes: Node[] = [];
  let i = 0;
  const rest = (kind: XmlTokenKind) => {
    nodes.push({ type: 'other', tokens: [{ kind, text: source.slice(i) }] });
    i = source.length;
  };
  while (i < source.length) {
    if (nodes.length >= MAX_PRETTY_NODES) {
      rest('text');
      break;
    }
    const lt = source.indexOf('<', i);
    if (lt !== i) {
      const end = lt < 0 ? source.length : lt;
      nodes.push({ type: 'text', text: source.slice(i, end) });
      i = end;
      continue;
    }
    const special = (open: string, close: string, kind: XmlTokenKind) => {
      if (!source.startsWith(open, i)) return false;
      const end = source.indexOf(close, i + open.length);
      if (end < 0) rest(kind);
      else {
        nodes.push({ type: 'other', tokens: [{ kind, text: source.slice(i, end + close.length) }] });
        i = end + close.length;
      }
      return true;
    };
    if (special('<!--', '-->', 'comment') || special('<![CDATA[', ']]>', 'cdata') || special('<?', '?>', 'decl') || special('<!', '>', 'decl')) {
      continue;
    }
    const closing = source.startsWith('</', i);
    const tag = readTag(source, i + (closing ? 2 : 1));
    if (!tag) {
      // A lone '<' (not well-formed): keep it as text rather than lose it.
      nodes.push({ type: 'text', text: '<' });
      i += 1;
      continue;
    }
    const tokens: XmlToken[] = [{ kind: 'punct', text: closing ? '</' : '<' }, { kind: 'tag', text: tag.name }, ...tag.attrs];
    tokens.push({ kind: 'punct', text: tag.selfClosing ? '/>' : '>' });
    nodes.push(closing ? { type: 'close', name: tag.name, tokens } : { type: 'open', name: tag.name, tokens, selfClosing: tag.selfClosing });
    i = tag.end;
  }
  return nodes;
}

function readTag(source: string, start: number): { name: string; attrs: XmlToken[]; selfClosing: boolean; end: number } | null {
  const name = NAME.exec(source.slice(start, start + 256))?.[0];
  if (!name) return null;
  const attrs: XmlToken[] = [];
  let i = start + name.length;
  while (i < source.length) {
    while (i < source.length && /\s/.test(source[i]!)) i++;
    if (source.startsWith('/>', i)) return { name, attrs, selfClosing: true, end: i + 2 };
    if (source[i] === '>') return { name, attrs, selfClosing: false, end: i + 1 };
    const attr = NAME.exec(source.slice(i, i + 256))?.[0];
    if (!attr) return null;
    attrs.push({ kind: 'punct', text: ' ' }, { kind: 'attr', text: attr });
    i += attr.length;
    while (i < source.length && /\s/.test(source[i]!)) i++;
    if (source[i] !== '=') continue;
    i++;
    while (i < source.length && /\s/.test(source[i]!)) i++;
    const quote = source[i];
    if (quote !== '"' && quote !== "'") return null;
    const close = source.indexOf(quote, i + 1);
    if (close < 0) return null;
    attrs.push({ kind: 'punct', text: '=' }, { kind: 'value', text: source.slice(i, close + 1) });
    i = close + 1;
  }
  return null;
}

const isBlank = (s: string) => s.trim() === '';

/** Lines of tokens, one element per line, `<a>text</a>` kept on one line with its text exactly as sent. */
export function prettyXml(source: string): XmlLine[] {
  const nodes = scan(source);
  const lines: XmlLine[] = [];
  let depth = 0;
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n]!;
    if (node.type === 'text') {
      if (!isBlank(node.text)) lines.push({ depth, tokens: [{ kind: 'text', text: node.text }] });
    } else if (node.type === 'other') {
      lines.push({ depth, tokens: node.tokens });
    } else if (node.type === 'close') {
      depth = Math.max(0, depth - 1);
      lines.push({ depth, tokens: node.tokens });
    } else if (node.selfClosing) {
      lines.push({ depth, tokens: node.tokens });
    } else {
      const next = nodes[n + 1];
      const after = nodes[n + 2];
      if (next?.type === 'close' && next.name === node.name) {
        lines.push({ depth, tokens: [...node.tokens, ...next.tokens] });
        n += 1;
      } else if (next?.type === 'text' && after?.type === 'close' && after.name === node.name) {
        lines.push({ depth, tokens: [...node.tokens, { kind: 'text', text: next.text }, ...after.tokens] });
        n += 2;
      } else {
        lines.push({ depth, tokens: node.tokens });
        depth += 1;
      }
    }
  }
  return lines;
}

/** An element spread over several lines that the view can fold to its first line. */
export interface XmlFold {
  /** Index of the line with the opening tag. */
  start: number;
  /** Index of the line with the closing tag. */
  end: number;
  /** The element's name as written (`ds:Signature`). */
  name: string;
}

/** Elements a reader of a SAML message skips: long base64 and algorithm names that say nothing about the sign-in. */
export const FOLDED_BY_DEFAULT: readonly string[] = ['Signature', 'KeyInfo'];

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** The multi-line elements of `lines` whose local name is one of `names` (outermost and nested alike). */
export function foldsOf(lines: readonly XmlLine[], names: readonly string[] = FOLDED_BY_DEFAULT): XmlFold[] {
  const wanted = new Set(names);
  const folds: XmlFold[] = [];
  // Open elements by depth: a closing line at the same depth with the same name ends the fold.
  const open = new Map<number, { start: number; name: string }>();
  lines.forEach((line, i) => {
    const [first, second] = line.tokens;
    if (first?.kind !== 'punct' || second?.kind !== 'tag') return;
    if (first.text === '<' && line.tokens.at(-1)?.text === '>' && !line.tokens.some((t, j) => j > 0 && t.text === '</')) {
      if (wanted.has(localName(second.text))) open.set(line.depth, { start: i, name: second.text });
    } else if (first.text === '</') {
      const start = open.get(line.depth);
      if (start && start.name === second.text) {
        folds.push({ start: start.start, end: i, name: start.name });
        open.delete(line.depth);
      }
    }
  });
  return folds.sort((a, b) => a.start - b.start);
}
