// Builds and zips the extension for one browser into the bench's own output folder, so a benchmark run never
// overwrites the .output/ another build (or a browser test) is using. Run as a child process by bundle-sizes.ts.
import { zip } from 'wxt';

const [browser, outDir] = process.argv.slice(2);
if (!browser || !outDir) throw new Error('usage: build-extension.ts <chrome|firefox> <outDir>');
const [zipPath] = await zip({ browser, outDir, logger: undefined, zip: { zipSources: false } });
console.log(JSON.stringify({ zip: zipPath }));
