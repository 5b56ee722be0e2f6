// What the panel needs of the engine once there is something to analyze or a file to read. The view imports
// this module on demand (import()), so that the panel's first paint carries only the capture shell.
export { analyze } from '../analyze';
export { analyzeWithTrust } from '../analyze-with-trust';
export { CaptureError } from '../har/read-capture';
export { readMessageInput } from '../har/read-message-input';
export { enrichWanted } from '../trust/enrich';
export { panelVerdict } from './panel-verdict';
export { panelTrust } from './panel-trust';
export { analyzeRequest, analyzeRequestWithTrust, requestTrust } from './panel-analysis';
