// xmldom 0.9 appends each parsed node through the DOM's public insertBefore, which first checks the whole
// pre-insertion validity of the spec (the parent's type, that the node is not an ancestor, the document's
// element count…). A parser appending a node it has just created to the element it is in can never fail those
// checks, and they were about a quarter of the time spent building a DOM to check a signature. This handler
// links such nodes directly, exactly as insertBefore(node, null) does once its checks pass; everything else
// (attributes, namespaces, the document's own children) stays xmldom's.
// @ts-expect-error xmldom publishes no types for its parser module, only for the DOM API
import parserModule from '@xmldom/xmldom/lib/dom-parser.js';

interface LinkedNode {
  parentNode: LinkedNode | null;
  previousSibling: LinkedNode | null;
  nextSibling: LinkedNode | null;
  firstChild: LinkedNode | null;
  lastChild: LinkedNode | null;
  ownerDocument: (LinkedNode & { _inc?: number }) | null;
  childNodes: { length: number; [i: number]: LinkedNode };
}

/** What xmldom's builder reads of a start tag's attributes. */
export interface ParsedAttributes {
  readonly length: number;
  getURI(i: number): string | null | undefined;
  getQName(i: number): string;
  getValue(i: number): string;
}

interface HandlerState {
  doc: Document & LinkedNode;
  /** The element being read; after the root's end tag, the document. */
  currentElement: (Element & LinkedNode) | undefined;
  cdata: boolean;
  locator: unknown;
}

type HandlerClass = new (options?: unknown) => object;

/** A node just created by the parser, with no parent, becomes the last child of the element being read. */
function appendParsed(parent: LinkedNode, node: LinkedNode): void {
  const last = parent.lastChild;
  node.previousSibling = last;
  node.nextSibling = null;
  if (last) last.nextSibling = node;
  else parent.firstChild = node;
  parent.lastChild = node;
  node.parentNode = parent;
  // What xmldom's _onUpdateChild does for an appended node: live collections see the change, childNodes grows.
  const doc = parent.ownerDocument;
  if (doc?._inc) {
    doc._inc++;
    parent.childNodes[parent.childNodes.length++] = node;
  }
}

function fastHandler(Base: HandlerClass): HandlerClass {
  const base = Base.prototype as { startElement: (...a: unknown[]) => void; characters: (...a: unknown[]) => void };
  class FastAppendHandler extends Base {
    startElement(this: HandlerState, namespaceURI: string | null, localName: string, qName: string, attrs: ParsedAttributes): void {
      // With a locator (positions on nodes) or outside the root element (the document's own children, which
      // xmldom must check: one root only), xmldom's own way.
      if (this.locator || this.currentElement?.nodeType !== 1) {
        base.startElement.call(this, namespaceURI, localName, qName, attrs);
        return;
      }
      const doc = this.doc;
      const el = doc.createElementNS(namespaceURI, qName || localName) as Element & LinkedNode;
      appendParsed(this.currentElement, el);
      this.currentElement = el;
      for (let i = 0; i < attrs.length; i++) {
        // Undefined for an attribute without a prefix, as xmldom's own reader passes it (DOM types say null).
        const attr = doc.createAttributeNS(attrs.getURI(i) as string | null, attrs.getQName(i));
        attr.value = (attr as { nodeValue: string | null }).nodeValue = attrs.getValue(i);
        el.setAttributeNode(attr);
      }
    }

    characters(this: HandlerState, chars: string, start: number, length: number): void {
      if (this.locator || this.currentElement?.nodeType !== 1 || typeof chars !== 'string') {
        base.characters.call(this, chars, start, length);
        return;
      }
      const text = chars.slice(start, start + length);
      if (!text) return;
      const node = (this.cdata ? this.doc.createCDATASection(text) : this.doc.createTextNode(text)) as unknown as LinkedNode;
      appendParsed(this.currentElement, node);
    }
  }
  return FastAppendHandler;
}

const Base = (parserModule as { __DOMHandler?: HandlerClass }).__DOMHandler;

/**
 * The `domHandler` option for xmldom's DOMParser, or undefined (xmldom's own handler) if this xmldom does not
 * expose the handler it extends: a later version then parses as before, only slower.
 */
export const fastAppendHandler: HandlerClass | undefined =
  typeof Base === 'function' && typeof Base.prototype?.startElement === 'function' && typeof Base.prototype?.characters === 'function' ? fastHandler(Base) : undefined;
