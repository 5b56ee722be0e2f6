import { resolve } from 'node:path';

/** Screenshots are test artifacts (gitignored); the README's images are taken from here. */
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');
