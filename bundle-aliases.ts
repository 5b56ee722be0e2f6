import { fileURLToPath } from 'node:url';

// Modules every bundle (extension, command line) and the unit tests replace with a smaller stand-in.
export const BUNDLE_ALIASES = {
  pkijs: fileURLToPath(new URL('./utils/crypto/pkijs-stand-in.ts', import.meta.url)),
};
