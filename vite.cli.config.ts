import { createHash } from 'node:crypto';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { build, defineConfig, type Plugin, type UserConfig } from 'vite';
import { BUNDLE_ALIASES } from './bundle-aliases';

// `npm run build:cli`: the command line as one self-contained ES module for Node (every dependency inlined,
// Node's own modules left to Node), so support staff run it with `node` or `npx` and no node_modules.
// The command itself (cli/sso-lens.ts) is built first as one CommonJS module and embedded as text in the file
// that runs it (cli/launch.ts), which keeps a V8 code cache of it between runs.

const APP = 'virtual:sso-lens-app';

const common = {
  publicDir: false,
  resolve: { alias: BUNDLE_ALIASES },
  logLevel: 'warn',
  ssr: { noExternal: true, target: 'node' },
} satisfies UserConfig;

const buildOptions = { target: 'node20', minify: true, sourcemap: false } as const;

/** The command as one CommonJS module (no top-level await, no `import.meta`): compiled by cli/launch.ts. */
async function buildApp(): Promise<string> {
  const out = await build({
    ...common,
    configFile: false,
    build: {
      ...buildOptions,
      ssr: 'cli/sso-lens.ts',
      write: false,
      rolldownOptions: { output: { format: 'cjs', codeSplitting: false } },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Array<{ output: Array<{ type: string; code?: string }> }>;
  const chunks = outputs.flatMap((o) => o.output).filter((c) => c.type === 'chunk');
  if (chunks.length !== 1 || !chunks[0]!.code) throw new Error(`the command built into ${chunks.length} chunks, expected one`);
  return chunks[0]!.code;
}

const embedApp = (): Plugin => ({
  name: 'embed-app',
  resolveId: (id) => (id === APP ? `\0${APP}` : undefined),
  async load(id) {
    if (id !== `\0${APP}`) return undefined;
    const code = await buildApp();
    const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
    return `export const code = ${JSON.stringify(code)};\nexport const hash = ${JSON.stringify(hash)};\n`;
  },
});

export default defineConfig({
  ...common,
  plugins: [
    embedApp(),
    {
      name: 'executable',
      // So that `./sso-lens.mjs` runs by its shebang on Unix (Windows ignores the mode).
      writeBundle(options, bundle) {
        for (const name of Object.keys(bundle)) if (name.endsWith('.mjs')) chmodSync(join(options.dir!, name), 0o755);
      },
    },
  ],
  build: {
    ...buildOptions,
    ssr: 'cli/launch.ts',
    outDir: '.output/cli',
    emptyOutDir: true,
    rolldownOptions: {
      output: { format: 'es', entryFileNames: 'sso-lens.mjs', banner: '#!/usr/bin/env node', codeSplitting: false },
    },
  },
});
