import { Tokenizer, TokenParser, TokenType, type ParsedTokenInfo } from '@streamparser/json';
import { CaptureError, fromSamlTracer, harEntryOf, isObject, type Capture } from './read-capture';
import type { HarEntry } from './types';

// A HAR can be gigabytes (every image and script of a morning's browsing) while the SAML in it is kilobytes.
// Entries are parsed one at a time from a stream of chunks, so memory is bounded by what the caller keeps, not
// by the file. Pure (no Node APIs): the browser's file import can feed it `File.stream()` too.

export interface StreamCaptureOptions {
  /** What to keep of each entry (default: all of it); called once per entry, in file order. */
  keep?: (entry: HarEntry) => HarEntry;
}

/** Read a HAR or SAML-tracer export from chunks of UTF-8 bytes (or already-decoded text). */
export async function readCaptureStream(chunks: AsyncIterable<Uint8Array | string>, options: StreamCaptureOptions = {}): Promise<Capture> {
  const keep = options.keep ?? ((e: HarEntry) => e);
  const shape = new TopLevelShape();
  const entries: HarEntry[] = [];
  const tracerRequests: Record<string, unknown>[] = [];
  let exportedAt = '';
  let failure: Error | undefined;

  const tokenizer = new Tokenizer();
  const parser = new TokenParser({ paths: ['$.log.entries.*', '$.requests.*', '$.timestamp'], keepStack: false });
  tokenizer.onToken = (token) => {
    shape.see(token);
    parser.write(token);
  };
  tokenizer.onEnd = () => {
    if (!parser.isEnded) parser.end();
  };
  tokenizer.onError = (e) => {
    failure ??= e;
  };
  parser.onError = (e) => {
    failure ??= e;
  };
  parser.onEnd = () => {
    if (!tokenizer.isEnded) tokenizer.end();
  };
  parser.onValue = ({ value, stack }) => {
    const top = stack[1]?.key;
    if (top === 'log') {
      const entry = harEntryOf(value);
      if (entry) entries.push(keep(entry));
    } else if (top === 'requests') {
      if (isObject(value)) tracerRequests.push(value);
    } else if (stack.length === 1 && typeof value === 'string') exportedAt = value;
  };

  for await (const chunk of chunks) {
    tokenizer.write(chunk);
    if (failure) break;
  }
  if (!failure && !tokenizer.isEnded) {
    try {
      tokenizer.end();
    } catch (e) {
      failure ??= e as Error;
    }
  }
  if (failure) {
    const detail = /ended in (mid-parsing|the middle)/.test(failure.message) ? 'it ends in the middle of a value (was it cut short?)' : failure.message.replace(/\.$/, '');
    throw new CaptureError(`The file is not valid JSON: ${detail}. Expected a HAR file or a SAML-tracer export.`);
  }
  if (shape.root === 'object' && shape.log === 'object') {
    if (!shape.entriesList) throw new CaptureError('The HAR file has no log.entries list.');
    return { format: 'har', entries };
  }
  if (shape.root === 'object' && shape.requestsList) {
    return { format: 'saml-tracer', entries: tracerRequests.map((r) => keep(fromSamlTracer(r, exportedAt))) };
  }
  throw new CaptureError('The JSON is neither a HAR file (no "log") nor a SAML-tracer export (no "requests").');
}

/**
 * What the top of the document looks like (is there a `log` object with an `entries` list, a `requests`
 * list?), told from the tokens, since the parser keeps none of the values it is not asked for.
 */
class TopLevelShape {
  root?: 'object' | 'other';
  log?: 'object' | 'other';
  entriesList = false;
  requestsList = false;
  #containers: boolean[] = [];
  #expectKey = false;
  #key1: string | undefined;
  #key2: string | undefined;

  see({ token, value }: ParsedTokenInfo): void {
    const depth = this.#containers.length;
    switch (token) {
      case TokenType.LEFT_BRACE:
      case TokenType.LEFT_BRACKET: {
        const isObjectStart = token === TokenType.LEFT_BRACE;
        if (depth === 0) this.root = isObjectStart ? 'object' : 'other';
        else if (depth === 1 && this.#key1 === 'log') this.log = isObjectStart ? 'object' : 'other';
        else if (depth === 1 && this.#key1 === 'requests') this.requestsList = !isObjectStart;
        else if (depth === 2 && this.#key1 === 'log' && this.#key2 === 'entries') this.entriesList = !isObjectStart;
        this.#containers.push(isObjectStart);
        this.#expectKey = isObjectStart;
        return;
      }
      case TokenType.RIGHT_BRACE:
      case TokenType.RIGHT_BRACKET:
        this.#containers.pop();
        this.#expectKey = false;
        return;
      case TokenType.COMMA:
        this.#expectKey = this.#containers[depth - 1] === true;
        return;
      case TokenType.COLON:
        this.#expectKey = false;
        return;
      case TokenType.STRING:
        if (this.#expectKey) {
          if (depth === 1) {
            this.#key1 = value as string;
            this.#key2 = undefined;
          } else if (depth === 2) this.#key2 = value as string;
          this.#expectKey = false;
        }
        return;
      default:
        if (depth === 0) this.root = 'other';
    }
  }
}
