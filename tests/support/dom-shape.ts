import { XMLSerializer } from '@xmldom/xmldom';
import { expect } from 'vitest';

/** Every field a canonicalizer or a signature check reads, and every link, node by node (links are asserted). */
export function domShape(node: Node): unknown {
  const children: unknown[] = [];
  let previous: Node | null = null;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    expect(c.parentNode).toBe(node);
    expect(c.previousSibling).toBe(previous);
    expect(c.ownerDocument).toBe(node.nodeType === 9 ? node : node.ownerDocument);
    previous = c;
    children.push(domShape(c));
  }
  expect(node.lastChild).toBe(previous);
  expect(node.childNodes?.length ?? 0).toBe(children.length);
  for (let i = 0; i < children.length; i++) expect(node.childNodes[i]).toBeDefined();
  const el = node as Element;
  const attributes = el.attributes ? Array.from(el.attributes).map((a) => [a.namespaceURI, a.prefix, a.localName, a.name, a.value, a.ownerElement === el]) : undefined;
  return { type: node.nodeType, name: node.nodeName, ns: el.namespaceURI ?? null, prefix: el.prefix ?? null, value: node.nodeValue, attributes, children };
}

export function serializeDom(node: Node): string {
  return new XMLSerializer().serializeToString(node as unknown as Parameters<XMLSerializer['serializeToString']>[0]);
}

/** Two DOMs alike in every node, in their serialization, and in what a live element list finds. */
export function expectSameDom(ours: Node, theirs: Node): void {
  expect(domShape(ours)).toEqual(domShape(theirs));
  expect(serializeDom(ours)).toBe(serializeDom(theirs));
  const all = (d: Node) => Array.from((d as Document).getElementsByTagNameNS('*', '*')).map((e) => `${e.namespaceURI} ${e.nodeName}`);
  expect(all(ours)).toEqual(all(theirs));
}
