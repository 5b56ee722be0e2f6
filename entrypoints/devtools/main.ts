import { browser } from 'wxt/browser';

// The panel page reads devtools.network itself; this page only registers it.
void browser.devtools.panels.create('SAML', '/icon/32.png', '/panel.html');
