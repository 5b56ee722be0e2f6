import { createSign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certificateForKey, cryptoFixtureText } from '../../tests/support/crypto-fixtures';
import { ALG, makeKeys } from '../../tests/support/xml-signing';
import { verifyRedirect } from './index';
import { redirectSignedOctets } from './verify-redirect-signature';

const QUERY = cryptoFixtureText('requests/crewjam-authn-request-redirect-signed.query').trim();

describe('verifyRedirect (HTTP-Redirect SigAlg + Signature)', () => {
  it('rebuilds the signed octets in the spec order from the raw, still-encoded values', () => {
    const o = redirectSignedOctets(`https://idp.example.com/sso?Signature=c2ln&SigAlg=a%3Ab&RelayState=r%2Fs&SAMLRequest=abc%2B`)!;
    expect(o.octets).toBe('SAMLRequest=abc%2B&RelayState=r%2Fs&SigAlg=a%3Ab');
    expect(o.sigAlg).toBe('a:b');
    expect(redirectSignedOctets('SAMLRequest=abc&SigAlg=x')).toBeUndefined();
  });

  it('the real crewjam SP request verifies with a certificate over its SP key', async () => {
    const r = await verifyRedirect(QUERY, { certificates: [certificateForKey('crewjam-sp_key.pem')] });
    expect(r).toMatchObject({ on: 'redirect-query', outcome: 'valid', trusted: true, algorithm: ALG.rsaSha1 });
  });

  it('fails when a value was changed or re-encoded on the way, or another key is given', async () => {
    const cert = certificateForKey('crewjam-sp_key.pem');
    const reencoded = QUERY.replace('RelayState=relayState', 'RelayState=relay%53tate');
    expect((await verifyRedirect(reencoded, { certificates: [cert] }))?.outcome).toBe('signature-mismatch');
    const other = makeKeys('rsa:2048', { cn: 'another-sp' });
    expect(await verifyRedirect(QUERY, { certificates: [other.certPem] })).toMatchObject({ outcome: 'signature-mismatch', trusted: false });
  });

  it('without a certificate there is nothing to check with: unsupported, saying what to give', async () => {
    expect(await verifyRedirect(QUERY)).toMatchObject({ outcome: 'unsupported', detail: expect.stringContaining('certificate') });
  });

  it('signed at test time with RSA-SHA256: valid; an unknown SigAlg is unsupported; bad base64 is an error', async () => {
    const keys = makeKeys('rsa:2048');
    const sigAlg = encodeURIComponent(ALG.rsaSha256);
    const signed = `SAMLRequest=fZBBa8Mw&RelayState=%2Forg&SigAlg=${sigAlg}`;
    const signature = encodeURIComponent(createSign('RSA-SHA256').update(signed).sign(keys.keyPem, 'base64'));
    const url = `https://idp.example.com/sso?${signed}&Signature=${signature}`;
    expect(await verifyRedirect(url, { certificates: [keys.certPem] })).toMatchObject({ outcome: 'valid', certificate: { subject: 'CN=idp.test.example' } });
    expect((await verifyRedirect(url.replace(sigAlg, 'urn%3Ax'), { certificates: [keys.certPem] }))?.outcome).toBe('unsupported');
    expect((await verifyRedirect(url.replace(/Signature=.*/, 'Signature=%%%'), { certificates: [keys.certPem] }))?.outcome).toBe('error');
  });
});
