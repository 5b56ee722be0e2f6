import { execFile } from 'node:child_process';
import { access, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './harness/chromium-driver';
import { FIREFOX_PATH } from './harness/firefox-driver';
import type { BrowserName } from './harness/harness';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

declare module 'vitest' {
  export interface ProvidedContext {
    /** The browser this project drives. */
    browser: BrowserName;
    /** The build the project loads, copied out of .output so a rebuild cannot change it mid-run. */
    extensionPath: string;
  }
}

const BUILDS: Record<BrowserName, { executable: string; args: string[]; output: string }> = {
  chromium: { executable: CHROMIUM_PATH, args: ['wxt', 'build'], output: 'chrome-mv3' },
  firefox: { executable: FIREFOX_PATH, args: ['wxt', 'build', '-b', 'firefox'], output: 'firefox-mv2' },
};

export default async function setup(project: TestProject) {
  const browser = project.config.provide.browser;
  if (!browser || !(browser in BUILDS)) throw new Error(`Project ${project.name} names no browser to test`);
  const build = BUILDS[browser];
  try {
    await access(build.executable);
  } catch {
    throw new Error(`No ${browser} at ${build.executable}: run bash scripts/ensure-browsers.sh (it installs Chromium and Firefox ESR with apt).`);
  }
  // Always build: it takes a few seconds and guarantees the suite tests the current sources.
  await run('npx', build.args, { cwd: root, env: { ...process.env, CI: '1' } });
  const dir = await mkdtemp(join(tmpdir(), `sso-lens-e2e-${browser}-build-`));
  const extensionPath = join(dir, build.output);
  await cp(join(root, '.output', build.output), extensionPath, { recursive: true });
  project.provide('extensionPath', extensionPath);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
