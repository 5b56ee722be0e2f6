import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import '@/components/theme.css';
import '@/components/popup/popup.css';

render(<PopupApp />, document.getElementById('app')!);
