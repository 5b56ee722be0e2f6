import { describe, expect, it } from 'vitest';
import { cryptoFixture, keyFile } from '../../tests/support/crypto-fixtures';
import { buildProtocolResponse } from '../../tests/support/protocol-builder';
import { responseEntry, trustFindings } from '../../tests/support/trust-findings';
import { makeKeys, signXml } from '../../tests/support/xml-signing';

const RULE = 'weak-signing-key';

describe(RULE, () => {
  const unsigned = buildProtocolResponse({ assertion: { signature: null } });

  it('fires on a 1024-bit RSA signing key', async () => {
    const weak = makeKeys('rsa:1024', { cn: 'weak' });
    const [f] = await trustFindings(RULE, [responseEntry(signXml(unsigned, { keys: weak, target: 'root' }))]);
    expect(f).toMatchObject({ severity: 'warning', evidence: { value: 'RSA 1024' } });
    expect(f!.message).toMatch(/^The IdP signing certificate CN=weak .* has a 1024-bit RSA key: 2048 bits is the minimum\.$/);
  });

  it('stays silent on RSA 2048 and on EC keys', async () => {
    expect(await trustFindings(RULE, [responseEntry(signXml(unsigned, { keys: makeKeys('rsa:2048'), target: 'root' }))])).toEqual([]);
    expect(await trustFindings(RULE, [responseEntry(signXml(unsigned, { keys: makeKeys('ec:P-256'), target: 'root', algorithm: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256' }))])).toEqual([]);
  });

  it('real fixture: Oracle Access Manager signs with a 1024-bit key', async () => {
    const [f] = await trustFindings(RULE, [responseEntry(cryptoFixture('oracle/gosaml2-oam-response.xml'))], { trust: { certificates: [keyFile('gosaml2-oam_cert.pem')] } });
    expect(f!.message).toContain('CN=deaoam-dev02.jpl.nasa.gov');
  });
});
