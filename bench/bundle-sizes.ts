// Gzip sizes of each entry point's JS (its own chunk plus every chunk it imports statically) and of the zips.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Line } from './report';

interface Manifest {
  background?: { service_worker?: string; scripts?: string[]; page?: string };
  action?: { default_popup?: string };
  browser_action?: { default_popup?: string };
  devtools_page?: string;
}

const KB = 1024;
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^"'()]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

/** Scripts an HTML page loads up front: its module script and the chunks it preloads. */
export function htmlScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) out.push(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) out.push(m[1]!);
  return out;
}

/** The JS files an entry loads before it runs: the given scripts and, transitively, their static imports. */
export function entryFiles(root: string, scripts: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    const clean = posix.normalize(path.replace(/^\//, ''));
    if (seen.has(clean)) return;
    seen.add(clean);
    const code = readFileSync(join(root, clean), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) visit(posix.join(posix.dirname(clean), m[1]!));
  };
  for (const s of scripts) visit(s);
  return [...seen].sort();
}

// How built code loads more JS later: a worker by its URL (Vite writes it from the site root), or import().
const ON_DEMAND = /\bnew Worker\(\s*new URL\(\s*[`"']\/?([^`"']+\.js)[`"']|\bimport\(\s*[`"'](\.{1,2}\/[^`"']+\.js)[`"']\s*\)/g;

/**
 * JS an entry's files load only when they need it (workers, import()), with what that imports and loads on
 * demand in turn (code loaded on demand often loads more: the panel's engine, then the signature code), less
 * what is already loaded.
 */
export function onDemandFiles(root: string, files: readonly string[]): string[] {
  const targetsOf = (f: string) =>
    [...readFileSync(join(root, f), 'utf8').matchAll(ON_DEMAND)].map((m) => (m[1] !== undefined ? m[1] : posix.join(posix.dirname(f), m[2]!)));
  const found = new Set<string>();
  let scan = [...files];
  while (scan.length) {
    const next = entryFiles(root, scan.flatMap(targetsOf)).filter((f) => !files.includes(f) && !found.has(f));
    for (const f of next) found.add(f);
    scan = next;
  }
  return [...found].sort();
}

export function gzipBytes(files: readonly string[], root: string): number {
  return files.reduce((n, f) => n + gzipSync(readFileSync(join(root, f)), { level: 9 }).length, 0);
}

interface EntryBudget {
  name: 'popup' | 'panel' | 'background';
  targetKb: number;
  scripts(root: string, manifest: Manifest): string[];
}

const page = (root: string, html: string | undefined) => (html && existsSync(join(root, html)) ? htmlScripts(readFileSync(join(root, html), 'utf8')) : []);

const ENTRIES: EntryBudget[] = [
  { name: 'popup', targetKb: 20, scripts: (root, m) => page(root, m.action?.default_popup ?? m.browser_action?.default_popup) },
  // The devtools page registers panel.html; the manifest does not name it.
  { name: 'panel', targetKb: 80, scripts: (root) => page(root, 'panel.html') },
  {
    name: 'background',
    targetKb: 30,
    scripts: (root, m) => (m.background?.service_worker ? [m.background.service_worker] : m.background?.scripts ?? page(root, m.background?.page)),
  },
];

export function entryLines(root: string, browser: string): Line[] {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Manifest;
  return ENTRIES.flatMap((entry) => {
    const scripts = entry.scripts(root, manifest);
    if (!scripts.length) throw new Error(`${browser}: no script found for the ${entry.name} entry point`);
    const files = entryFiles(root, scripts);
    const lines: Line[] = [
      {
        id: `gzip-${browser}-${entry.name}`,
        label: `gzip ${entry.name} JS (${browser})`,
        value: gzipBytes(files, root) / KB,
        unit: 'KB' as const,
        target: entry.targetKb,
        inclusive: true,
        note: `gzip -9 of each of ${files.map((f) => posix.basename(f)).join(', ')}`,
      },
    ];
    // Not in the budget (the entry opens without it), but shown so it cannot grow unseen.
    const later = onDemandFiles(root, files);
    if (later.length) {
      lines.push({
        id: `gzip-${browser}-${entry.name}-on-demand`,
        label: `  (${entry.name}: JS loaded on demand)`,
        value: gzipBytes(later, root) / KB,
        unit: 'KB' as const,
        note: `gzip -9 of each of ${later.map((f) => posix.basename(f)).join(', ')}`,
      });
    }
    return lines;
  });
}

export interface Build {
  browser: string;
  root: string;
  zip: string;
}

/** Builds both browsers into a private temporary folder (see build-extension.ts); `dispose` removes it. */
export function buildBoth(): { builds: Build[]; dispose(): void } {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-build-'));
  const script = fileURLToPath(new URL('./build-extension.ts', import.meta.url));
  const builds = ['chrome', 'firefox'].map((browser) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', script, browser, outDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const { zip } = JSON.parse(out.trim().split('\n').pop()!) as { zip: string };
    const root = join(outDir, readdirSync(outDir).find((d) => d.startsWith(`${browser}-`) && statSync(join(outDir, d)).isDirectory())!);
    return { browser, root, zip };
  });
  return { builds, dispose: () => rmSync(outDir, { recursive: true, force: true }) };
}

/** The existing .output/ builds and zips (`--no-build`). */
export function existingBuilds(projectRoot: string): Build[] {
  const out = join(projectRoot, '.output');
  if (!existsSync(out)) throw new Error('no .output/ folder: run `npx wxt zip` and `npx wxt zip -b firefox`, or run the bench without --no-build');
  return ['chrome', 'firefox'].flatMap((browser) => {
    const dir = readdirSync(out).find((d) => d.startsWith(`${browser}-`) && statSync(join(out, d)).isDirectory());
    const zip = readdirSync(out).find((f) => f.endsWith(`-${browser}.zip`));
    if (!dir || !zip) throw new Error(`.output/ has no ${browser} build and zip: run \`npm run zip\``);
    return [{ browser, root: join(out, dir), zip: join(out, zip) }];
  });
}

export function sizeLines(builds: readonly Build[]): Line[] {
  const lines = builds.flatMap((b) => entryLines(b.root, b.browser));
  for (const b of builds) {
    lines.push({
      id: `zip-${b.browser}`,
      label: `zip (${b.browser})`,
      value: statSync(b.zip).size / KB,
      unit: 'KB',
      target: 400,
      inclusive: true,
      note: relative(dirname(b.zip), b.zip),
    });
  }
  return lines;
}
