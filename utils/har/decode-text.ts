// Files from tickets arrive in whatever encoding the customer's tool wrote: UTF-8 (with or without BOM),
// UTF-16 with a BOM (Windows PowerShell 5.1 `>`), or XML that declares its own encoding (ISO-8859-1,
// windows-1252, Shift_JIS…). Decoding bytes here, not in the reader, keeps every later step on plain text.

/** Reading the bytes as text failed: the message is shown to the user as is. */
export class TextDecodeError extends Error {}

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | string;

/** The encoding the bytes announce (BOM, then UTF-16 without BOM by its zero bytes), else UTF-8. */
export function sniffEncoding(head: Uint8Array): { encoding: TextEncodingName; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  // "<?" or "{" written as UTF-16 without a BOM: every other byte is zero.
  if (head.length >= 4 && head[0] !== 0 && head[1] === 0 && head[2] !== 0 && head[3] === 0) return { encoding: 'utf-16le', bomLength: 0 };
  if (head.length >= 4 && head[0] === 0 && head[1] !== 0 && head[2] === 0 && head[3] !== 0) return { encoding: 'utf-16be', bomLength: 0 };
  return { encoding: 'utf-8', bomLength: 0 };
}

const XML_DECLARATION = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

/** A control character no text file holds (tab, newlines, form feed and escape aside). */
function hasBinaryChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b) return true;
  }
  return false;
}

/**
 * The text of a whole file. Throws TextDecodeError when the bytes are not text (a binary file) or declare an
 * encoding this runtime cannot decode.
 */
export function decodeText(bytes: Uint8Array): string {
  const { encoding, bomLength } = sniffEncoding(bytes);
  const body = bytes.subarray(bomLength);
  let text = new TextDecoder(encoding).decode(body);
  if (encoding === 'utf-8' && bomLength === 0) {
    // An XML declaration is ASCII in every encoding it may name, so it can be read before knowing the encoding.
    const declared = XML_DECLARATION.exec(text.slice(0, 200))?.[1];
    if (declared && !/^utf-?(8|16)/i.test(declared)) {
      let decoder: TextDecoder;
      try {
        decoder = new TextDecoder(declared);
      } catch {
        throw new TextDecodeError(`The XML declares the encoding "${declared}", which SSO Lens cannot decode. Save it as UTF-8 and try again.`);
      }
      text = decoder.encoding === 'windows-1252' ? fixWindows1252(decoder.decode(body)) : decoder.decode(body);
    }
  }
  if (hasBinaryChar(text.slice(0, 4096))) {
    throw new TextDecodeError('This is a binary file, not a HAR file, SAML-tracer export or SAML message.');
  }
  return text;
}

// The WHATWG label "iso-8859-1" means windows-1252, but Node decodes bytes 0x80-0x9F as C1 controls (€ → U+0080).
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
