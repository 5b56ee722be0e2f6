import { registerOneClickLogin } from '@/utils/one-click/register-one-click-login';
import { registerRecorder } from '@/utils/recorder/register';

export default defineBackground(() => {
  registerOneClickLogin();
  registerRecorder();
});
