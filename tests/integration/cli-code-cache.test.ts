// The bundled `sso-lens` keeps the compiled code of its command between runs (cli/launch.ts): the output must be
// the same with the cache, without it, with a damaged one, and when it cannot be written.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const FIXTURES = join(ROOT, 'tests/fixtures/cli');
const work = mkdtempSync(join(tmpdir(), 'sso-lens-code-cache-'));
const BIN = join(work, 'build/sso-lens.mjs');
const ARGS = ['analyze', '--json', '--now', '2016-07-25T23:15:30Z', 'chrome.har', 'okta-response.b64'];

function run(env: NodeJS.ProcessEnv) {
  const base: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '' };
  delete base.NODE_COMPILE_CACHE;
  delete base.NODE_DISABLE_COMPILE_CACHE;
  return spawnSync(process.execPath, [BIN, ...ARGS], { cwd: FIXTURES, encoding: 'utf8', env: { ...base, ...env } });
}

/** Our cache files in a folder (Node's own compile cache, also switched on by NODE_COMPILE_CACHE, sits in a sub-folder). */
const cacheFiles = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('sso-lens-') && f.endsWith('.cache'));

beforeAll(() => {
  execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '-c', 'vite.cli.config.ts', '--outDir', join(work, 'build')], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('sso-lens code cache', () => {
  it('writes the cache on the first run, uses it unchanged on the next, and prints the same report', () => {
    const reference = run({ NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(reference.stderr).toBe('');
    expect(reference.status).toBe(1);
    const dir = mkdtempSync(join(work, 'cache-'));
    // An earlier build's file goes when this build writes its own; what is not ours stays.
    const earlier = `sso-lens-0123456789abcdef-${process.version}-${process.arch}.cache`;
    writeFileSync(join(dir, earlier), 'an earlier build');
    writeFileSync(join(dir, 'notes.txt'), 'not ours');
    const first = run({ NODE_COMPILE_CACHE: dir });
    expect(readdirSync(dir)).not.toContain(earlier);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('not ours');
    const files = cacheFiles(dir);
    expect(files).toHaveLength(1);
    const file = join(dir, files[0]!);
    const written = readFileSync(file);
    expect(written.length).toBeGreaterThan(100_000);
    const second = run({ NODE_COMPILE_CACHE: dir });
    for (const r of [first, second]) {
      expect(r.stdout).toBe(reference.stdout);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
    }
    // Accepted, so not written again; and no half-written file left behind.
    expect(readFileSync(file).equals(written)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces a damaged cache and still prints the same report', () => {
    const reference = run({ NODE_DISABLE_COMPILE_CACHE: '1' });
    const dir = mkdtempSync(join(work, 'cache-'));
    run({ NODE_COMPILE_CACHE: dir });
    const file = join(dir, cacheFiles(dir)[0]!);
    const good = readFileSync(file);
    const damaged = Buffer.from(good);
    for (let i = 0; i < damaged.length; i += 97) damaged[i] = damaged[i]! ^ 0xff;
    writeFileSync(file, damaged);
    const r = run({ NODE_COMPILE_CACHE: dir });
    expect(r.stdout).toBe(reference.stdout);
    expect(r.stderr).toBe('');
    expect(readFileSync(file).equals(damaged)).toBe(false);
    expect(statSync(file).size).toBeGreaterThan(100_000);
  });

  it('runs the same without a usable cache folder', () => {
    const reference = run({ NODE_DISABLE_COMPILE_CACHE: '1' });
    const notAFolder = join(work, 'a-file');
    writeFileSync(notAFolder, 'not a folder');
    const r = run({ NODE_COMPILE_CACHE: join(notAFolder, 'cache') });
    expect(r.stdout).toBe(reference.stdout);
    expect(r.status).toBe(1);
    expect(readFileSync(notAFolder, 'utf8')).toBe('not a folder');
  });
});
