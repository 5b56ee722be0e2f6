import { execFile } from 'node:child_process';
import { access, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './browser';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Chrome MV3 build the suite loads, copied out of .output so a rebuild cannot change it mid-run. */
    extensionPath: string;
  }
}

export default async function setup(project: TestProject) {
  try {
    await access(CHROMIUM_PATH);
  } catch {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: run scripts/ensure-chromium.sh (or set CHROMIUM_PATH).`);
  }
  // Always build: it takes ~2 s and guarantees the suite tests the current sources.
  await run('npx', ['wxt', 'build'], { cwd: root, env: { ...process.env, CI: '1' } });
  const dir = await mkdtemp(join(tmpdir(), 'sso-lens-e2e-extension-'));
  const extensionPath = join(dir, 'chrome-mv3');
  await cp(join(root, '.output/chrome-mv3'), extensionPath, { recursive: true });
  project.provide('extensionPath', extensionPath);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
