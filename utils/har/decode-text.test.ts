import { describe, expect, it } from 'vitest';
import { decodeText, sniffEncoding, TextDecodeError } from './decode-text';

const bytes = (...parts: Array<number[] | Buffer>) => new Uint8Array(Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p)))));

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(bytes(Buffer.from('<a>é</a>')))).toBe('<a>é</a>');
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], Buffer.from('{"log":1}')))).toBe('{"log":1}');
  });

  it('reads UTF-16 LE and BE with a BOM (PowerShell 5.1 output), and LE without one', () => {
    expect(decodeText(bytes([0xff, 0xfe], Buffer.from('<a>é</a>', 'utf16le')))).toBe('<a>é</a>');
    expect(decodeText(bytes([0xfe, 0xff], Buffer.from('<a>é</a>', 'utf16le').swap16()))).toBe('<a>é</a>');
    expect(decodeText(bytes(Buffer.from('<a>x</a>', 'utf16le')))).toBe('<a>x</a>');
  });

  it("honours an XML declaration's encoding", () => {
    const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>Renée</a>', 'latin1');
    expect(decodeText(bytes(latin1))).toContain('<a>Renée</a>');
    const cp1252 = Buffer.concat([Buffer.from("<?xml version='1.0' encoding='windows-1252'?><a>"), Buffer.from([0x80]), Buffer.from('</a>')]);
    expect(decodeText(bytes(cp1252))).toContain('<a>€</a>');
  });

  it('refuses binary files and encodings it cannot decode, with a sentence', () => {
    expect(() => decodeText(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toThrow(TextDecodeError);
    expect(() => decodeText(bytes(Buffer.from('<?xml version="1.0" encoding="x-klingon"?><a/>')))).toThrow(/declares the encoding "x-klingon"/);
  });

  it('sniffs the encoding from the first bytes', () => {
    expect(sniffEncoding(bytes([0xff, 0xfe, 0x7b, 0]))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(sniffEncoding(bytes(Buffer.from('{"a"')))).toEqual({ encoding: 'utf-8', bomLength: 0 });
  });
});
