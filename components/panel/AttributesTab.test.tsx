// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { b64, fixtureXml, postEntry } from '@/tests/support/har-builder';
import { analyzeSaml } from '../../tests/support/saml-analysis';
import { AttributesTab } from './AttributesTab';

afterEach(cleanup);

describe('Attributes tab', () => {
  it("shows an Entra claim URI by its short name, the full URI beside it and on hover; a short name once", () => {
    const message = analyzeSaml([postEntry('https://signin.aws.amazon.com/saml', 'SAMLResponse', b64(fixtureXml('entra/saml2aws-aad-response.xml')))]).messages[0]!;
    if (message.protocol !== 'saml') throw new Error('not SAML');
    render(<AttributesTab message={message} groupAttributes={[]} />);
    const shorts = screen.getAllByTestId('attribute-short-name');
    const email = shorts.find((s) => s.textContent === 'emailaddress');
    expect(email?.getAttribute('title')).toBe('http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress');
    expect(email?.nextElementSibling?.textContent).toBe('http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress');
    // Every row of a URI name has its short name; none is shown for a name that is short already.
    const names = message.assertions[0]!.attributes.map((a) => a.name);
    expect(shorts).toHaveLength(names.filter((n) => /^https?:\/\//.test(n)).length);
  });
});
