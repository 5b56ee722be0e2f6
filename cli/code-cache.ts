// Where the bundled command keeps its V8 code cache (cli/launch.ts), and reading and writing it without ever
// failing the command: a cache that cannot be used is no cache.
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Script } from 'node:vm';

/**
 * The cache file for this build: per user, per build (the bundle's hash: V8 itself checks only the source's
 * length), per Node.js version and architecture. Node's own settings apply: NODE_DISABLE_COMPILE_CACHE turns it
 * off, NODE_COMPILE_CACHE names the folder (default: a folder of this user's in the OS temporary folder).
 */
export function codeCacheFile(env: NodeJS.ProcessEnv, buildHash: string, uid = process.getuid?.()): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const dir = env.NODE_COMPILE_CACHE || join(tmpdir(), uid === undefined ? 'sso-lens' : `sso-lens-${uid}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Compiled code is run as is: only from a folder that this user owns and no one else can write to.
    const stats = lstatSync(dir);
    if (!stats.isDirectory()) return undefined;
    if (uid !== undefined && (stats.uid !== uid || (stats.mode & 0o022) !== 0)) return undefined;
  } catch {
    return undefined;
  }
  return join(dir, `sso-lens-${buildHash}-${process.version}-${process.arch}.cache`);
}

export function readCodeCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Written under a name of its own, then renamed: a run that starts meanwhile reads the old file or the new one. */
export function saveCodeCache(path: string, compiled: Pick<Script, 'createCachedData'>): boolean {
  const partial = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(partial, compiled.createCachedData(), { mode: 0o600 });
    renameSync(partial, path);
    return true;
  } catch {
    try {
      rmSync(partial, { force: true });
    } catch {
      // nothing more to do: the next run writes it again
    }
    return false;
  }
}

/** Our own names only (codeCacheFile's and saveCodeCache's): the folder may be NODE_COMPILE_CACHE, shared with Node. */
const CACHE_NAME = /^sso-lens-[0-9a-f]+-v\d+\.\d+\.\d+[\w.+-]*\.cache$/;
/** A partial is a cache file's name with `.<pid>.tmp` after it. */
const PARTIAL = /\.\d+\.tmp$/;
/** A younger partial may be another run's write in progress. */
const PARTIAL_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * Run after writing a new cache file: the files of other builds and Node.js versions (about a megabyte each)
 * would otherwise pile up, one per upgrade, and so would partials of runs killed mid-write. Only regular files
 * named as ours are removed, never a link or anything else; errors are ignored. Returns the names removed.
 */
export function pruneCodeCaches(path: string, now = Date.now()): string[] {
  const removed: string[] = [];
  const dir = dirname(path);
  const keep = basename(path);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const partial = PARTIAL.test(name);
    if (name === keep || !CACHE_NAME.test(partial ? name.replace(PARTIAL, '') : name)) continue;
    const file = join(dir, name);
    try {
      const stats = lstatSync(file);
      if (!stats.isFile() || (partial && stats.mtimeMs > now - PARTIAL_MAX_AGE_MS)) continue;
      unlinkSync(file);
      removed.push(name);
    } catch {
      // gone already, or not ours to remove: the next write tries again
    }
  }
  return removed;
}
