import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vite';
import { BUNDLE_ALIASES } from './bundle-aliases';

// `npm run build:cli`: the command line as one self-contained ES module for Node (every dependency inlined,
// Node's own modules left to Node), so support staff run it with `node` or `npx` and no node_modules.
export default defineConfig({
  publicDir: false,
  resolve: { alias: BUNDLE_ALIASES },
  plugins: [
    {
      name: 'executable',
      // So that `./sso-lens.mjs` runs by its shebang on Unix (Windows ignores the mode).
      writeBundle(options, bundle) {
        for (const name of Object.keys(bundle)) if (name.endsWith('.mjs')) chmodSync(join(options.dir!, name), 0o755);
      },
    },
  ],
  logLevel: 'warn',
  build: {
    ssr: 'cli/sso-lens.ts',
    outDir: '.output/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: true,
    sourcemap: false,
    rolldownOptions: {
      output: { format: 'es', entryFileNames: 'sso-lens.mjs', banner: '#!/usr/bin/env node', codeSplitting: false },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
