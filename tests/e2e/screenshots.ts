import { resolve } from 'node:path';
import { browserName } from './harness/harness';

/** Screenshots are test artifacts (gitignored); the README's images are taken from here. */
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');

/** Where a screenshot of this browser goes: `<dir>/<browser>/<name>.png`. */
export const screenshotPath = (name: string) => resolve(SCREENSHOT_DIR, browserName(), `${name}.png`);
