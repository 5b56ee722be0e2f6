import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Views take what they need of the browser from their entrypoint (props, a host object such as
// components/popup/popup-host.ts), as WXT's examples keep it: a component that imports the browser API
// cannot be rendered outside the extension.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BROWSER_API = /^\s*import\s+(?!type\b)[^'"]*['"](wxt\/browser|@wxt-dev\/browser|webextension-polyfill)['"]/m;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

describe('components', () => {
  it('import no browser API: the entrypoints pass it in', () => {
    const files = sources(join(ROOT, 'components'));
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((f) => BROWSER_API.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('the check sees an import of the browser API', () => {
    expect(BROWSER_API.test("import { useState } from 'preact/hooks';\nimport { browser } from '@wxt-dev/browser';")).toBe(true);
    expect(BROWSER_API.test("import { browser } from 'wxt/browser';")).toBe(true);
    expect(BROWSER_API.test("import type { Browser } from 'wxt/browser';")).toBe(false);
  });
});
