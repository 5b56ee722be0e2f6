import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The service worker must stay small (bench: gzip ≤ 30 KB) and Chrome allows no import() in it, so the analysis
// engine must not be reachable from it by a static import: the popup judges sign-ins (utils/recorder/sign-in-verdict.ts).

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// `import type` and `export type` vanish at build time; everything else is bundled.
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function resolveSource(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith('@/') ? join(ROOT, specifier.slice(2)) : specifier.startsWith('.') ? resolve(dirname(from), specifier) : undefined;
  if (!base) return undefined; // a package
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p) && p.match(/\.tsx?$/));
}

/** Project files and packages a module pulls in, transitively. */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const target = resolveSource(file, specifier!);
      if (target) visit(target);
      else if (!specifier!.startsWith('.') && !specifier!.startsWith('@/')) packages.add(specifier!);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('background bundle', () => {
  const { files, packages } = staticGraph(join(ROOT, 'entrypoints/background.ts'));
  const names = [...files].map((f) => relative(ROOT, f));

  it('records and serves captures', () => {
    expect(names).toEqual(expect.arrayContaining(['utils/recorder/register.ts', 'utils/saml/detect.ts', 'utils/one-click/register-one-click-login.ts']));
  });

  it('leaves the analysis engine out', () => {
    expect(names.filter((n) => n === 'utils/analyze.ts' || n.startsWith('utils/rules/') || n === 'utils/saml/parse.ts' || n.endsWith('sign-in-verdict.ts'))).toEqual([]);
    expect([...packages].filter((p) => p.startsWith('fast-xml-parser'))).toEqual([]);
  });
});
