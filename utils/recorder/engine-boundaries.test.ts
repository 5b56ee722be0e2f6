import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The analysis engine (analyze, rules, fast-xml-parser) is most of the extension's code. The service worker
// must not bundle it (bench: gzip ≤ 30 KB; Chrome allows no import() there to defer it), nor the popup (≤ 20 KB):
// the popup judges sign-ins in a worker of its own (utils/recorder/last-sign-in-verdict.ts).

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

// Two of the rules' support files are not engine: the severity ranking views sort by, and the docs links the
// service profiles (whose labels the panel's list shows) point to.
const NOT_ENGINE = new Set(['utils/rules/support/severity.ts', 'utils/rules/support/docs-links.ts']);
const isEngine = (file: string) =>
  file === 'utils/analyze.ts' ||
  (file.startsWith('utils/rules/') && !NOT_ENGINE.has(file)) ||
  file === 'utils/saml/parse.ts' ||
  file === 'utils/recorder/sign-in-verdict.ts';

describe('engine boundaries', () => {
  it('keeps the engine out of the background, which records and serves captures', () => {
    const { files, packages } = staticGraph(join(ROOT, 'entrypoints/background.ts'));
    const names = [...files].map((f) => relative(ROOT, f));
    expect(names).toEqual(expect.arrayContaining(['utils/recorder/register.ts', 'utils/saml/detect.ts', 'utils/one-click/register-one-click-login.ts']));
    expect(names.filter(isEngine)).toEqual([]);
    expect([...packages].filter((p) => p.startsWith('fast-xml-parser'))).toEqual([]);
  });

  it("keeps the engine out of the popup's own code, which shows the last sign-in", () => {
    const { files, packages } = staticGraph(join(ROOT, 'entrypoints/popup/main.tsx'));
    const names = [...files].map((f) => relative(ROOT, f));
    expect(names).toEqual(expect.arrayContaining(['components/popup/LastSignIn.tsx', 'utils/recorder/last-sign-in-verdict.ts']));
    expect(names.filter(isEngine)).toEqual([]);
    expect([...packages].filter((p) => p.startsWith('fast-xml-parser'))).toEqual([]);
  });

  it("keeps the engine out of the panel's first load: it is imported once there is something to analyze", () => {
    const { files, packages } = staticGraph(join(ROOT, 'entrypoints/panel/main.tsx'));
    const names = [...files].map((f) => relative(ROOT, f));
    expect(names).toEqual(expect.arrayContaining(['components/panel/PanelApp.tsx', 'components/panel/MessageList.tsx', 'utils/panel/panel-state.ts']));
    expect(names.filter(isEngine)).toEqual([]);
    // Nor the message detail, the redacted export or the group cache, which load on demand too.
    expect(names.filter((n) => /MessageDetail|ExportReview|utils\/redact\/|utils\/groups\/store/.test(n))).toEqual([]);
    expect([...packages].filter((p) => /^(fast-xml-parser|fflate|idb|jose|xmldsigjs|asn1js)/.test(p))).toEqual([]);
  });
});
