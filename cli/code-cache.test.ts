import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeCacheFile, readCodeCache, saveCodeCache } from './code-cache';

const work = mkdtempSync(join(tmpdir(), 'sso-lens-code-cache-unit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const uid = process.getuid?.();

describe('codeCacheFile', () => {
  it('names a file per build, Node.js version and architecture in NODE_COMPILE_CACHE, creating the folder', () => {
    const dir = join(work, 'made');
    const file = codeCacheFile({ NODE_COMPILE_CACHE: dir }, 'abc123');
    expect(file).toBe(join(dir, `sso-lens-abc123-${process.version}-${process.arch}.cache`));
    expect(statSync(dir).isDirectory()).toBe(true);
  });

  it('is off under NODE_DISABLE_COMPILE_CACHE', () => {
    expect(codeCacheFile({ NODE_DISABLE_COMPILE_CACHE: '1', NODE_COMPILE_CACHE: join(work, 'off') }, 'abc')).toBeUndefined();
    expect(existsSync(join(work, 'off'))).toBe(false);
  });

  it('defaults to a folder of this user in the temporary folder', () => {
    const file = codeCacheFile({}, 'abc');
    expect(file?.startsWith(join(tmpdir(), uid === undefined ? 'sso-lens' : `sso-lens-${uid}`))).toBe(true);
  });

  it('refuses a folder that others can write to or that is not a folder', () => {
    const notAFolder = join(work, 'file');
    writeFileSync(notAFolder, '');
    expect(codeCacheFile({ NODE_COMPILE_CACHE: notAFolder }, 'abc')).toBeUndefined();
    expect(codeCacheFile({ NODE_COMPILE_CACHE: join(notAFolder, 'below') }, 'abc')).toBeUndefined();
    if (uid === undefined) return; // Windows: no Unix modes
    const shared = join(work, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    expect(codeCacheFile({ NODE_COMPILE_CACHE: shared }, 'abc')).toBeUndefined();
    expect(codeCacheFile({ NODE_COMPILE_CACHE: shared }, 'abc', uid + 1)).toBeUndefined();
    chmodSync(shared, 0o700);
    expect(codeCacheFile({ NODE_COMPILE_CACHE: shared }, 'abc')).toBeDefined();
    expect(codeCacheFile({ NODE_COMPILE_CACHE: shared }, 'abc', uid + 1)).toBeUndefined();
  });
});

describe('saveCodeCache and readCodeCache', () => {
  it('writes the whole file under its name and reads it back', () => {
    const file = join(work, 'one.cache');
    expect(saveCodeCache(file, { createCachedData: () => Buffer.from('compiled') })).toBe(true);
    expect(readCodeCache(file)?.toString()).toBe('compiled');
    expect(readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('never throws: an unwritable place or a failing serialization is no cache', () => {
    expect(saveCodeCache(join(work, 'missing', 'x.cache'), { createCachedData: () => Buffer.from('x') })).toBe(false);
    const file = join(work, 'two.cache');
    expect(
      saveCodeCache(file, {
        createCachedData: () => {
          throw new Error('out of memory');
        },
      }),
    ).toBe(false);
    expect(readCodeCache(file)).toBeUndefined();
    expect(readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
