import { describe, expect, it } from 'vitest';
import { postEntry, redirectEntry } from '../../tests/support/har-builder';
import { entryFindings, signInEntries } from '../../tests/support/protocol-builder';

const RULE = 'decode-failed';

describe(RULE, () => {
  it('fires on a SAMLResponse that is not base64, naming the stage', () => {
    const [f] = entryFindings(RULE, [postEntry('https://sp.example.com/acs', 'SAMLResponse', '%%% not base64 %%%')]);
    expect(f).toMatchObject({ rule: RULE, severity: 'error', evidence: { path: 'SAMLResponse' } });
    expect(f!.message).toMatch(/^The SAMLResponse field could not be read: /);
  });

  it('fires on a Redirect SAMLRequest whose DEFLATE stream is broken', () => {
    const [f] = entryFindings(RULE, [redirectEntry('https://idp.example.com/sso', 'SAMLRequest', Buffer.from('not deflate at all').toString('base64'))]);
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('SAMLRequest');
  });

  it('stays silent for readable messages', () => {
    expect(entryFindings(RULE, signInEntries())).toEqual([]);
  });
});
