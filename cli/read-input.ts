import { createReadStream, readdirSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { CaptureError } from '../utils/har/read-capture';
import { decodeText, sniffEncoding, TextDecodeError } from '../utils/har/decode-text';
import { readMessageInput, type InputFormat } from '../utils/har/read-message-input';
import { slimEntry } from '../utils/har/slim-entry';
import { readCaptureStream } from '../utils/har/stream-capture';
import type { HarEntry } from '../utils/har/types';

/** JSON captures are streamed entry by entry: the limit only guards against a wrong file (a disk image). */
export const MAX_CAPTURE_BYTES = 16 * 1024 ** 3;
/** Anything else (XML, base64, a URL) is read whole: no SAML message comes near this. */
export const MAX_MESSAGE_BYTES = 64 * 1024 ** 2;

/** Reading an input failed: the message is a sentence for the user, naming the input. */
export class InputError extends Error {}

export interface InputRef {
  /** As the user wrote it (or the path inside a folder they named): what reports and errors show. */
  label: string;
  /** Absolute path; undefined for standard input. */
  path?: string;
  size?: number;
}

export interface ReadInput {
  entries: HarEntry[];
  format: InputFormat;
}

/**
 * The files the arguments name, relative to the caller's directory; a folder stands for the files in it (not
 * hidden ones, not sub-folders). `folder` tells that at least one folder was named (batch mode).
 */
export function resolveInputs(args: readonly string[], cwd: string): { inputs: InputRef[]; folder: boolean } {
  const inputs: InputRef[] = [];
  let folder = false;
  for (const arg of args) {
    if (arg === '-') {
      inputs.push({ label: 'stdin' });
      continue;
    }
    const path = isAbsolute(arg) ? arg : resolve(cwd, arg);
    const stats = statOrThrow(arg, path);
    if (stats.isDirectory()) {
      folder = true;
      const names = readdirSync(path, { withFileTypes: true })
        .filter((d) => !d.name.startsWith('.') && (d.isFile() || d.isSymbolicLink()))
        .map((d) => d.name)
        .sort((a, b) => a.localeCompare(b));
      if (!names.length) throw new InputError(`The folder ${arg} holds no files to analyze.`);
      for (const name of names) {
        const file = join(path, name);
        const s = statSync(file, { throwIfNoEntry: false });
        if (s?.isFile()) inputs.push({ label: join(arg, name), path: file, size: s.size });
      }
    } else inputs.push({ label: arg, path, size: stats.size });
  }
  return { inputs, folder };
}

function statOrThrow(label: string, path: string): Stats {
  try {
    return statSync(path);
  } catch (e) {
    throw new InputError(fsSentence(label, path, e));
  }
}

/** "cannot read customer.har: no such file in /home/x": what a support engineer can act on, not `ENOENT`. */
export function fsSentence(label: string, path: string | undefined, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const where = path ? dirname(path) : '';
  const reason =
    code === 'ENOENT'
      ? `no such file in ${where}`
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'ENOTDIR'
          ? `a part of the path is not a folder`
          : code === 'EISDIR'
            ? 'it is a folder'
            : (e as Error).message;
  return `Cannot read ${label}: ${reason}.`;
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/**
 * Read one input into HAR entries: JSON captures (HAR, SAML-tracer) streamed in any encoding with only their
 * SAML exchanges kept whole; every other form read as bytes, decoded (BOM, UTF-16, XML's declared encoding),
 * then recognised.
 */
export async function readInput(input: InputRef, stdin: () => AsyncIterable<Uint8Array>, options: { slim?: boolean } = {}): Promise<ReadInput> {
  if (input.size !== undefined && input.size > MAX_CAPTURE_BYTES) {
    throw new InputError(`${input.label} is ${formatSize(input.size)}, over the ${formatSize(MAX_CAPTURE_BYTES)} that sso-lens reads.`);
  }
  if (input.size === 0) throw new InputError(`${input.label} is empty (0 bytes).`);
  let source: AsyncIterable<Uint8Array>;
  try {
    source = input.path ? await openFile(input.path) : stdin();
  } catch (e) {
    throw new InputError(fsSentence(input.label, input.path, e));
  }
  const { head, rest } = await peek(source, 4096);
  if (!head.length) throw new InputError(`${input.label} is empty (0 bytes).`);
  const { encoding, bomLength } = sniffEncoding(head);
  const firstChar = new TextDecoder(encoding).decode(head.subarray(bomLength, bomLength + 400)).trimStart()[0];
  try {
    if (firstChar === '{') {
      const chunks = encoding === 'utf-8' ? rest(bomLength) : decodeChunks(rest(bomLength), encoding);
      return await readCaptureStream(chunks, options.slim === false ? {} : { keep: slimEntry });
    }
    if (input.size !== undefined && input.size > MAX_MESSAGE_BYTES) {
      throw new InputError(`${input.label} is ${formatSize(input.size)} and not a HAR file or SAML-tracer export: SAML messages are read up to ${formatSize(MAX_MESSAGE_BYTES)}.`);
    }
    const bytes = await collect(rest(0), MAX_MESSAGE_BYTES, input.label);
    return readMessageInput(decodeText(bytes));
  } catch (e) {
    if (e instanceof CaptureError || e instanceof TextDecodeError) throw new InputError(`${input.label}: ${e.message}`);
    throw e;
  }
}

async function openFile(path: string): Promise<AsyncIterable<Uint8Array>> {
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  // Surface open errors (EACCES…) here, as a sentence, rather than in the middle of parsing.
  await new Promise<void>((ok, fail) => {
    stream.once('open', () => ok());
    stream.once('error', fail);
  });
  return stream;
}

/** The first bytes (to tell the format), and the whole stream again from an offset into them. */
async function peek(source: AsyncIterable<Uint8Array>, want: number) {
  const iterator = source[Symbol.asyncIterator]();
  const first: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < want) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    first.push(next.value);
    size += next.value.length;
  }
  const head = concat(first, size);
  async function* rest(skip: number): AsyncIterable<Uint8Array> {
    if (head.length > skip) yield head.subarray(skip);
    if (done) return;
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      // A reader that stops early (a parse error) must not leave the file open: a folder can hold thousands.
      await iterator.return?.();
    }
  }
  return { head, rest };
}

async function* decodeChunks(chunks: AsyncIterable<Uint8Array>, encoding: string): AsyncIterable<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
  yield decoder.decode();
}

async function collect(chunks: AsyncIterable<Uint8Array>, limit: number, label: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > limit) throw new InputError(`${label} is over ${formatSize(limit)} and not a HAR file or SAML-tracer export: SAML messages are read up to ${formatSize(limit)}.`);
    parts.push(chunk);
  }
  return concat(parts, size);
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
