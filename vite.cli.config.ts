import { defineConfig } from 'vite';

// `npm run build:cli`: the command line as one self-contained ES module for Node (every dependency inlined,
// Node's own modules left to Node), so support staff run it with `node` or `npx` and no node_modules.
export default defineConfig({
  publicDir: false,
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
