import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { entryFiles, onDemandFiles } from '../../bench/bundle-sizes';

describe('bundle sizes: JS loaded on demand', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("finds an entry's workers and import() targets with their imports, leaving out what the entry already loads", () => {
    root = mkdtempSync(join(tmpdir(), 'bench-sizes-'));
    mkdirSync(join(root, 'chunks'));
    mkdirSync(join(root, 'assets'));
    const files: Record<string, string> = {
      'chunks/popup-1.js': 'import{a}from"./shared-2.js";new Worker(new URL(`/assets/judge.worker-3.js`,``+self.location.href),{type:`module`});const l=()=>import("./lazy-4.js");',
      'chunks/shared-2.js': 'export const a=1;',
      'assets/judge.worker-3.js': '(function(){self.onmessage=e=>postMessage(e.data)})();',
      'chunks/lazy-4.js': 'import{a}from"./shared-2.js";import{b}from"./engine-5.js";export const c=a+b;',
      'chunks/engine-5.js': 'export const b=2;',
    };
    for (const [path, code] of Object.entries(files)) writeFileSync(join(root, path), code);
    const upFront = entryFiles(root, ['/chunks/popup-1.js']);
    expect(upFront).toEqual(['chunks/popup-1.js', 'chunks/shared-2.js']);
    expect(onDemandFiles(root, upFront).sort()).toEqual(['assets/judge.worker-3.js', 'chunks/engine-5.js', 'chunks/lazy-4.js']);
    expect(onDemandFiles(root, ['chunks/shared-2.js'])).toEqual([]);
  });

  it('follows code loaded on demand that loads more on demand (the engine, then the signature code)', () => {
    root = mkdtempSync(join(tmpdir(), 'bench-sizes-'));
    mkdirSync(join(root, 'chunks'));
    const files: Record<string, string> = {
      'chunks/panel-1.js': 'import{a}from"./shared-2.js";const e=()=>import("./engine-3.js");',
      'chunks/shared-2.js': 'export const a=1;',
      'chunks/engine-3.js': 'import{a}from"./shared-2.js";export const v=()=>import("./crypto-4.js");',
      'chunks/crypto-4.js': 'import{a}from"./shared-2.js";import{k}from"./asn-5.js";export const c=a+k;',
      'chunks/asn-5.js': 'export const k=2;const back=()=>import("./engine-3.js");',
    };
    for (const [path, code] of Object.entries(files)) writeFileSync(join(root, path), code);
    const upFront = entryFiles(root, ['/chunks/panel-1.js']);
    expect(onDemandFiles(root, upFront)).toEqual(['chunks/asn-5.js', 'chunks/crypto-4.js', 'chunks/engine-3.js']);
  });
});
