import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { browserHost } from './browser-host';
import '@/components/theme.css';
import '@/components/popup/popup.css';

render(<PopupApp host={browserHost} />, document.getElementById('app')!);
