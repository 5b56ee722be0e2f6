import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { entryFiles, htmlScripts } from '../../bench/bundle-sizes';
import { regressions, table, verdict, type Line } from '../../bench/report';

const line = (id: string, value: number, extra: Partial<Line> = {}): Line => ({ id, label: id, value, unit: 'ms', ...extra });

describe('bench verdicts and regressions', () => {
  it('passes under a strict target and at an inclusive one, and misses above', () => {
    expect(verdict(line('a', 9.9, { target: 10 }))).toBe('pass');
    expect(verdict(line('a', 10, { target: 10 }))).toBe('MISS');
    expect(verdict(line('a', 20, { target: 20, inclusive: true, unit: 'KB' }))).toBe('pass');
    expect(verdict(line('a', 20.1, { target: 20, inclusive: true, unit: 'KB' }))).toBe('MISS');
    expect(verdict(line('a', 5))).toBe('info');
  });

  it('flags a line more than twice its committed figure, and only that line', () => {
    const committed = { lines: [line('detect', 1), line('size', 50), line('gone', 3)] };
    const found = regressions(committed, [line('detect', 2.5), line('size', 100), line('new', 99)]);
    expect(found).toEqual([{ id: 'detect', label: 'detect', before: 1, now: 2.5, unit: 'ms' }]);
  });

  it('compares nothing when no results were committed or a figure was zero', () => {
    expect(regressions(undefined, [line('detect', 1000)])).toEqual([]);
    expect(regressions({ lines: [line('detect', 0)] }, [line('detect', 1000)])).toEqual([]);
  });

  it('prints each line with its target, verdict and change', () => {
    const out = table([line('analyze', 1.5, { target: 2 })], { lines: [line('analyze', 1)] });
    expect(out).toMatch(/analyze\s+1\.50 ms\s+< 2\.00 ms\s+pass\s+1\.50×/);
  });
});

describe('bench entry sizes', () => {
  let root: string | undefined;
  afterEach(() => root && rmSync(root, { recursive: true, force: true }));

  it('counts the page script, its preloads, and chunks imported statically, but not dynamic imports', () => {
    root = mkdtempSync(join(tmpdir(), 'bench-entry-'));
    mkdirSync(join(root, 'chunks'));
    const html = '<script type="module" crossorigin src="/chunks/popup-1.js"></script><link rel="modulepreload" crossorigin href="/chunks/shared-2.js"><link rel="stylesheet" href="/assets/a.css">';
    writeFileSync(join(root, 'chunks/popup-1.js'), 'import{t as e}from"./shared-2.js";import"./side-3.js";const l=()=>import("./lazy-4.js");');
    writeFileSync(join(root, 'chunks/shared-2.js'), 'export{x as t}from"./deep-5.js";');
    writeFileSync(join(root, 'chunks/side-3.js'), '');
    writeFileSync(join(root, 'chunks/deep-5.js'), 'export const x=1;');
    expect(htmlScripts(html)).toEqual(['/chunks/popup-1.js', '/chunks/shared-2.js']);
    expect(entryFiles(root, htmlScripts(html))).toEqual(['chunks/deep-5.js', 'chunks/popup-1.js', 'chunks/shared-2.js', 'chunks/side-3.js']);
  });
});
