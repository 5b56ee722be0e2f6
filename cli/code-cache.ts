// Where the bundled command keeps its V8 code cache (cli/launch.ts), and reading and writing it without ever
// failing the command: a cache that cannot be used is no cache.
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
