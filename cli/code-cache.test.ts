import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { codeCacheFile, pruneCodeCaches, readCodeCache, saveCodeCache } from './code-cache';

// Tests run as root here, where modes do not stop an unlink: a failing one is simulated instead.
const failing = vi.hoisted(() => new Set<string>());
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const unlinkSync: typeof fs.unlinkSync = (path) => {
    if ([...failing].some((name) => String(path).endsWith(name))) throw Object.assign(new Error('EPERM'), { code: 'EPERM' });
    fs.unlinkSync(path);
  };
  return { ...fs, default: { ...fs, unlinkSync }, unlinkSync };
});

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

describe('pruneCodeCaches', () => {
  const NOW = Date.parse('2026-06-01T12:00:00Z');
  const at = (file: string, minutesAgo: number) => {
    const t = new Date(NOW - minutesAgo * 60_000);
    utimesSync(file, t, t);
  };
  const node = `${process.version}-${process.arch}`;

  function folder(): { dir: string; current: string } {
    const dir = mkdtempSync(join(work, 'prune-'));
    const current = codeCacheFile({ NODE_COMPILE_CACHE: dir }, 'c0ffee')!;
    writeFileSync(current, 'current');
    return { dir, current };
  }

  it('removes the files of other builds and Node.js versions, and keeps the one just written', () => {
    const { dir, current } = folder();
    const others = [`sso-lens-0123abcd-${node}.cache`, 'sso-lens-c0ffee-v20.19.0-x64.cache', 'sso-lens-c0ffee-v22.23.3-arm64.cache', 'sso-lens-9f9f-v24.0.0-nightly2026-x64.cache'];
    for (const name of others) writeFileSync(join(dir, name), 'old');
    expect(pruneCodeCaches(current, NOW).sort()).toEqual([...others].sort());
    expect(readdirSync(dir)).toEqual([current.slice(dir.length + 1)]);
    expect(readFileSync(current, 'utf8')).toBe('current');
  });

  it('removes partial writes older than an hour, and leaves younger ones to the run that may still write them', () => {
    const { dir, current } = folder();
    const old = `sso-lens-0123abcd-${node}.cache.4242.tmp`;
    const young = `${current.slice(dir.length + 1)}.4343.tmp`;
    writeFileSync(join(dir, old), 'partial');
    writeFileSync(join(dir, young), 'partial');
    at(join(dir, old), 61);
    at(join(dir, young), 59);
    expect(pruneCodeCaches(current, NOW)).toEqual([old]);
    expect(existsSync(join(dir, young))).toBe(true);
  });

  it('touches nothing that is not named as its own, nor links, nor folders, whatever their age', () => {
    const { dir, current } = folder();
    const target = join(work, `target-${Date.now()}`);
    writeFileSync(target, 'precious');
    const untouched = [
      'notes.txt',
      'sso-lens-c0ffee.cache',
      'sso-lens-c0ffee-v22.cache',
      'other-tool-c0ffee-v22.23.3-x64.cache',
      'sso-lens-NOTHEX-v22.23.3-x64.cache',
      'sso-lens-0123-v22.23.3-x64.cache.bak',
      'sso-lens-0123-v22.23.3-x64.cache.tmp',
      'sso-lens-0123-v22.23.3-x64.cache.12.tmp.keep',
      'x-sso-lens-0123-v22.23.3-x64.cache',
    ];
    for (const name of untouched) {
      writeFileSync(join(dir, name), 'not ours');
      at(join(dir, name), 24 * 60);
    }
    const link = `sso-lens-0123-${node}.cache`;
    const linkedPartial = `sso-lens-0123-${node}.cache.7.tmp`;
    symlinkSync(target, join(dir, link));
    symlinkSync(target, join(dir, linkedPartial));
    mkdirSync(join(dir, `sso-lens-4567-${node}.cache`));
    mkdirSync(join(dir, 'v22.23.3-x64-0123')); // Node's own compile cache
    expect(pruneCodeCaches(current, NOW)).toEqual([]);
    for (const name of untouched) expect(readFileSync(join(dir, name), 'utf8'), name).toBe('not ours');
    expect(lstatSync(join(dir, link)).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, linkedPartial)).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('precious');
    expect(statSync(join(dir, `sso-lens-4567-${node}.cache`)).isDirectory()).toBe(true);
    expect(readFileSync(current, 'utf8')).toBe('current');
  });

  it('never throws: a file it may not remove is left and the others still go; a missing folder is nothing to do', () => {
    const { dir, current } = folder();
    const stuck = `sso-lens-0001-${node}.cache`;
    const gone = `sso-lens-0002-${node}.cache`;
    writeFileSync(join(dir, stuck), 'old');
    writeFileSync(join(dir, gone), 'old');
    failing.add(stuck);
    try {
      expect(pruneCodeCaches(current, NOW)).toEqual([gone]);
    } finally {
      failing.clear();
    }
    expect(existsSync(join(dir, stuck))).toBe(true);
    expect(pruneCodeCaches(join(work, 'no-such-folder', 'sso-lens-c0ffee-v22.23.3-x64.cache'))).toEqual([]);
    const notAFolder = join(work, 'prune-file');
    writeFileSync(notAFolder, '');
    expect(pruneCodeCaches(join(notAFolder, 'sso-lens-c0ffee-v22.23.3-x64.cache'))).toEqual([]);
  });
});
