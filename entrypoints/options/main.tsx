import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import { settingsStore } from '@/utils/settings/settings-store';
import { createIdpMetadataStore } from '@/utils/settings/idp-metadata-store';
import { fetchMetadata } from './fetch-metadata';
import { browserGroupsPlatform } from './groups-platform';
import '@/components/theme.css';
import '@/components/options/options.css';

// The page's browser services are made here and handed down, so the components stay plain Preact.
// #groups opens the group lists directly (linked from the panel's parity view).
render(
  <OptionsApp
    store={settingsStore()}
    groupsPlatform={browserGroupsPlatform}
    initialTab={location.hash === '#groups' ? 'groups' : 'enterprises'}
    idpMetadata={createIdpMetadataStore()}
    fetchMetadata={fetchMetadata}
  />,
  document.getElementById('app')!,
);
