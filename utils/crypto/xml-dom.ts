// The DOM that signature checking works on: always xmldom, in extension pages, workers and Node alike, so the
// canonical bytes a digest covers never depend on the platform's DOM (test DOMs such as happy-dom get XML
// namespaces wrong). xmldsigjs only walks the given document; the dependencies registered here serve the few
// places where xml-core parses on its own.
import { DOMImplementation, DOMParser, XMLSerializer } from '@xmldom/xmldom';
import xpath from 'xpath';
import { Application } from 'xmldsigjs';
import { setNodeDependencies } from 'xml-core';
import { fastAppendHandler } from './xmldom-append';
import { readPlainXmlDom } from './xmldom-plain-reader';
import { cacheXmldomRegExps } from './xmldom-regexp-cache';

// Untrusted input is expected to be malformed sometimes: the caller reports it, the console stays quiet.
// No locator: nothing reads a node's line and column, and tracking them was a tenth of parsing.
class QuietDOMParser extends DOMParser {
  constructor() {
    super({ onError: () => undefined, locator: false, ...(fastAppendHandler ? { domHandler: fastAppendHandler } : {}) } as ConstructorParameters<typeof DOMParser>[0]);
  }
}

let ready = false;

export function setUpXmlCrypto(): void {
  if (ready) return;
  cacheXmldomRegExps();
  setNodeDependencies({ DOMParser: QuietDOMParser, XMLSerializer, DOMImplementation, xpath });
  Application.setEngine('WebCrypto', globalThis.crypto);
  ready = true;
}

export const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
export const XENC_NS = 'http://www.w3.org/2001/04/xmlenc#';
export const SAML_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
export const SAMLP_NS = 'urn:oasis:names:tc:SAML:2.0:protocol';
export const MD_NS = 'urn:oasis:names:tc:SAML:2.0:metadata';

export type XmlDocResult = { ok: true; doc: Document } | { ok: false; error: string };

/** Parses untrusted XML: a DOCTYPE is refused before parsing (no entity expansion, no external fetch). */
export function parseXmlDocument(xml: string): XmlDocResult {
  setUpXmlCrypto();
  if (/<!DOCTYPE/i.test(xml)) return { ok: false, error: 'the XML has a DOCTYPE, which SAML forbids' };
  try {
    const text = xml.replace(/^\uFEFF/, '');
    const doc = readPlainXmlDom(text) ?? (new QuietDOMParser().parseFromString(text, 'application/xml') as unknown as Document);
    const root = doc?.documentElement;
    // The search walks the whole tree: only when the text could hold such an element at all.
    const marked = xml.includes('parsererror') && root?.getElementsByTagName('parsererror').length;
    if (!root || root.localName === 'parsererror' || marked) return { ok: false, error: 'the XML is not well-formed' };
    return { ok: true, doc };
  } catch (e) {
    return { ok: false, error: `the XML is not well-formed (${(e as Error).message.split('\n')[0]})` };
  }
}

export function childElements(parent: Element, ns: string, localName: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === localName && (n as Element).namespaceURI === ns) out.push(n as Element);
  }
  return out;
}

export function descendants(root: Element | Document, ns: string, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, localName));
}

export function textOf(el: Element | undefined | null): string {
  return (el?.textContent ?? '').trim();
}

/** `Assertion ID="_abc"` — how findings name an element. */
export function describeElement(el: Element): string {
  const id = el.getAttribute('ID') || el.getAttribute('Id') || el.getAttribute('id');
  return id ? `${el.localName} ID="${id}"` : el.localName;
}

/** Serializes a document parsed by parseXmlDocument. */
export function serializeXml(doc: Document): string {
  return new XMLSerializer().serializeToString(doc as unknown as Parameters<XMLSerializer['serializeToString']>[0]);
}
