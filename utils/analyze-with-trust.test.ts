// @vitest-environment happy-dom
// The panel runs the enriched analysis in a page; a message it cannot check must still get a verdict.
import { describe, expect, it } from 'vitest';
import { b64, fixtureText, postEntry } from '../tests/support/har-builder';
import { analyzeWithTrust } from './analyze-with-trust';

describe('analyzeWithTrust in a page', () => {
  it('judges an ADFS Response whose SignatureValue is empty: it resolves, with a finding that says so', async () => {
    const entry = postEntry('https://sp.example/acs', 'SAMLResponse', b64(fixtureText('adfs/netsaml2-adfs-plain-groups.xml')));
    const started = Date.now();
    const analysis = await analyzeWithTrust([entry], { strict: true });
    expect(Date.now() - started).toBeLessThan(5_000);
    const finding = analysis.findings.find((f) => f.rule === 'signature-invalid');
    expect(finding?.message).toMatch(/SignatureValue .*is empty/);
  });
});
