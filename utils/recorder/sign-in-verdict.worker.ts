// The popup's judge of the last sign-in, on its own thread: the popup posts what the recorder picked and gets
// the verdict back. The engine is bundled into this worker's file, loaded only when a sign-in needs judging.
import type { RecorderSignIn } from './protocol';
import { judgeSignIn } from './sign-in-verdict';

self.onmessage = (event: MessageEvent<RecorderSignIn>) => postMessage(judgeSignIn(event.data));
