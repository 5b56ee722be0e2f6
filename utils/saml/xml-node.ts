import { unescapeXml, type XmlNode } from './parse';

/** Small readers over the parser's tree; every value they return is unescaped text. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const c = node?.[name];
  return Array.isArray(c) ? c : [];
}

export function child(node: XmlNode | undefined, ...path: string[]): XmlNode | undefined {
  let cur = node;
  for (const name of path) {
    cur = children(cur, name)[0];
    if (!cur) return undefined;
  }
  return cur;
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const v = node?.['@']?.[name];
  return v === undefined ? undefined : unescapeXml(v);
}

export function text(node: XmlNode | undefined): string | undefined {
  const t = node?.['#text'];
  return typeof t === 'string' ? unescapeXml(t) : undefined;
}

/** Text of a child element, e.g. `childText(response, 'Issuer')`. */
export function childText(node: XmlNode | undefined, ...path: string[]): string | undefined {
  return text(child(node, ...path));
}
