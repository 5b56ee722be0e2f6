// The command, built by vite.cli.config.ts as one CommonJS module and embedded in the bundled file (cli/launch.ts).
declare module 'virtual:sso-lens-app' {
  /** The module's code, to compile as the body of `function (exports, require, module, __filename, __dirname)`. */
  export const code: string;
  /** A hash of `code`, naming its compiled-code cache. */
  export const hash: string;
}
