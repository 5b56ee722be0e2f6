// The 20,000-message HAR line, run on its own (bench/cli-lines.ts starts it in a fresh process): prints its lines
// as JSON on the last line of stdout.
import { bigReportLines } from './cli-lines';

const lines = await bigReportLines();
process.stdout.write(`${JSON.stringify(lines)}\n`);
