// The DOM that signature checking works on. xmldsigjs (through xml-core) takes the platform's DOMParser and
// XMLSerializer where they exist (extension pages) and the ones registered here where they do not (Node, the
// CLI, workers), so a document is always parsed and serialized by the same implementation.
import { DOMImplementation, DOMParser, XMLSerializer } from '@xmldom/xmldom';
import xpath from 'xpath';
import { Application, Parse } from 'xmldsigjs';
import { setNodeDependencies } from 'xml-core';

// Untrusted input is expected to be malformed sometimes: the caller reports it, the console stays quiet.
class QuietDOMParser extends DOMParser {
  constructor() {
    super({ onError: () => undefined });
  }
}

let ready = false;

export function setUpXmlCrypto(): void {
  if (ready) return;
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
    const doc = Parse(xml);
    const root = doc?.documentElement;
    if (!root || root.localName === 'parsererror' || root.getElementsByTagName('parsererror').length) return { ok: false, error: 'the XML is not well-formed' };
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
