import { describe, expect, it } from 'vitest';
import { b64, fixtureXml, postEntry } from '../../tests/support/har-builder';
import { entryFindings, signInEntries } from '../../tests/support/protocol-builder';

const RULE = 'xml-unsafe';

describe(RULE, () => {
  it('fires on a DOCTYPE (real fixture: ruby-saml XXE attack) and expands nothing', () => {
    const [f] = entryFindings(RULE, [postEntry('https://sp.example.com/acs', 'SAMLResponse', b64(fixtureXml('hostile/rubysaml-attack-xxe.xml')))]);
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { path: 'SAMLResponse' } });
    expect(f!.message).toContain('DOCTYPE');
  });

  it('stays silent for ordinary SAML', () => {
    expect(entryFindings(RULE, signInEntries())).toEqual([]);
  });
});
