// The bundled `sso-lens` file: the command (cli/sso-lens.ts, built as one CommonJS function and embedded here as
// text) compiled with a V8 code cache kept between runs. Compiling a megabyte of JavaScript, and then each
// function it calls, was more than half of a run on one message; the cache holds the compiled code of every
// function the first run used, so later runs skip that work. The cache only saves time: when it cannot be read
// or written (no temporary folder, read-only disk, another Node.js), the command runs exactly as without it.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { code, hash } from 'virtual:sso-lens-app';
import { codeCacheFile, pruneCodeCaches, readCodeCache, saveCodeCache } from './code-cache';

const file = fileURLToPath(import.meta.url);
const cacheFile = codeCacheFile(process.env, hash);
const cachedData = cacheFile ? readCodeCache(cacheFile) : undefined;
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, { filename: file, cachedData });
if (cacheFile && (!cachedData || script.cachedDataRejected)) {
  // At exit the cache also holds the functions this run compiled lazily, not only the outer one. A new file
  // means a new build or Node.js version: the files of the others are of no more use.
  process.once('exit', () => {
    if (saveCodeCache(cacheFile, script)) pruneCodeCaches(cacheFile);
  });
}
const module = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
