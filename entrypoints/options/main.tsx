import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import '@/components/theme.css';
import '@/components/options/options.css';

// #groups opens the group lists directly (linked from the panel's parity view).
render(<OptionsApp initialTab={location.hash === '#groups' ? 'groups' : 'enterprises'} />, document.getElementById('app')!);
