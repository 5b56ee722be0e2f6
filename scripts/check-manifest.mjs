// Checks a built manifest for what both stores must get: the DevTools panel, the one-click shortcut, the
// minimum required permissions and host access only as optional. Usage: node scripts/check-manifest.mjs <dir>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const REQUIRED = ['clipboardWrite', 'contextMenus', 'storage'];
const dir = process.argv[2];
if (!dir) {
  console.error('usage: check-manifest.mjs <build dir>');
  process.exit(2);
}
const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const problems = [];
const isHost = (p) => /^(\*|https?|<all_urls>)/.test(p);
const optional = [...(m.optional_permissions ?? []), ...(m.optional_host_permissions ?? [])];

if (m.devtools_page !== 'devtools.html') problems.push(`devtools_page is ${JSON.stringify(m.devtools_page)}, not "devtools.html"`);
if (!m.commands?.['open-one-click-login']?.suggested_key?.default) problems.push('the one-click shortcut (commands.open-one-click-login) is missing');
const required = [...(m.permissions ?? [])].sort();
if (JSON.stringify(required) !== JSON.stringify(REQUIRED)) problems.push(`required permissions are ${required.join(', ')}; expected ${REQUIRED.join(', ')}`);
if ((m.host_permissions ?? []).length || required.some(isHost)) problems.push('host access is required up front; it must be optional');
if (!optional.includes('webRequest') || !optional.some(isHost)) problems.push('the recorder\'s webRequest and host access must be optional permissions');
if (m.content_security_policy !== undefined) problems.push('the manifest overrides the default Content Security Policy');
if (m.content_scripts !== undefined) problems.push('the manifest injects content scripts');

if (problems.length) {
  console.error(`${join(dir, 'manifest.json')}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`${join(dir, 'manifest.json')}: devtools panel, shortcut, minimal permissions, optional host access: ok`);
