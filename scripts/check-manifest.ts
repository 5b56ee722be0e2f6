// Checks a built manifest for what both stores must get: the DevTools panel, the one-click shortcut, the
// minimum required permissions and host access only as optional. The e2e suite applies the same check to the
// manifest Chromium loaded. Usage: tsx scripts/check-manifest.ts <build dir>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Adding a required permission changes the store listing and the install prompt: it must be a deliberate edit of
 * this list, with the reason in the README's "Permissions" section.
 */
export const REQUIRED_PERMISSIONS = ['clipboardWrite', 'contextMenus', 'storage'];
export const ONE_CLICK_SHORTCUT = 'Alt+Shift+L';

export interface BuiltManifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: unknown;
  content_scripts?: unknown;
  devtools_page?: string;
  commands?: Record<string, { suggested_key?: { default?: string } }>;
}

const isHost = (p: string) => /^(\*|https?|<all_urls>)/.test(p);

/** What is wrong with a manifest, one sentence each; empty when nothing is. */
export function manifestProblems(m: BuiltManifest): string[] {
  const problems: string[] = [];
  const optional = [...(m.optional_permissions ?? []), ...(m.optional_host_permissions ?? [])];
  const required = [...(m.permissions ?? [])].sort();
  if (m.devtools_page !== 'devtools.html') problems.push(`devtools_page is ${JSON.stringify(m.devtools_page)}, not "devtools.html"`);
  const shortcut = m.commands?.['open-one-click-login']?.suggested_key?.default;
  if (shortcut !== ONE_CLICK_SHORTCUT) problems.push(`the one-click shortcut is ${JSON.stringify(shortcut)}, not ${ONE_CLICK_SHORTCUT}`);
  if (JSON.stringify(required) !== JSON.stringify(REQUIRED_PERMISSIONS)) problems.push(`required permissions are ${required.join(', ')}; expected ${REQUIRED_PERMISSIONS.join(', ')}`);
  if ((m.host_permissions ?? []).length || required.some(isHost)) problems.push('host access is required up front; it must be optional');
  if (!optional.includes('webRequest') || !optional.some(isHost)) problems.push("the recorder's webRequest and host access must be optional permissions");
  if (m.content_security_policy !== undefined) problems.push('the manifest overrides the default Content Security Policy');
  if (m.content_scripts !== undefined) problems.push('the manifest injects content scripts');
  return problems;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: check-manifest.ts <build dir>');
    process.exit(2);
  }
  const file = join(dir, 'manifest.json');
  const problems = manifestProblems(JSON.parse(readFileSync(file, 'utf8')) as BuiltManifest);
  if (problems.length) {
    console.error(`${file}:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`${file}: devtools panel, shortcut, minimal permissions, optional host access: ok`);
}
