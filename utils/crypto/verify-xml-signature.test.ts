import { describe, expect, it } from 'vitest';
import { SELF_CERTIFIED_FIXTURES, SIGNED_FIXTURES, cryptoFixture, keyFile } from '../../tests/support/crypto-fixtures';
import { buildProtocolResponse } from '../../tests/support/protocol-builder';
import { ALG, DIGEST, EXC_C14N_COMMENTS, makeKeys, signXml, type KeySpec } from '../../tests/support/xml-signing';
import { verifyMessage } from './index';

/** Adds one character to the text of the signed element's Issuer: what an edit or a re-encoding does. */
function tamperContent(xml: string, on: 'message' | 'assertion'): string {
  const start = on === 'assertion' ? xml.search(/<(\w+:)?Assertion[\s>]/) : 0;
  const issuer = xml.indexOf('Issuer', start);
  const at = xml.indexOf('>', issuer) + 1;
  if (issuer < 0 || at <= 0) throw new Error('no Issuer to change');
  return `${xml.slice(0, at)}x${xml.slice(at)}`;
}

/** Flips one base64 character of the first SignatureValue: SignedInfo and digests stay intact. */
function tamperSignatureValue(xml: string): string {
  return xml.replace(/(SignatureValue[^>]*>\s*)([A-Za-z0-9+/])/, (_m, pre: string, c: string) => pre + (c === 'A' ? 'B' : 'A'));
}

describe('verifyMessage: real signed messages', () => {
  for (const f of SIGNED_FIXTURES) {
    it(`${f.file}: valid with its IdP certificate, and trusted`, async () => {
      const r = await verifyMessage(cryptoFixture(f.file), { certificates: [keyFile(f.cert)] });
      expect(r.signatures.map((s) => s.on)).toEqual(f.signed);
      for (const s of r.signatures) expect(s, s.detail).toMatchObject({ outcome: 'valid', trusted: true });
    });
  }

  for (const f of SELF_CERTIFIED_FIXTURES) {
    it(`${f.file}: valid with the certificate it carries, trust unknown without trust material`, async () => {
      const r = await verifyMessage(cryptoFixture(f.file));
      expect(r.signatures.map((s) => s.on)).toEqual(f.signed);
      for (const s of r.signatures) {
        expect(s.outcome, s.detail).toBe('valid');
        expect(s.trusted).toBeUndefined();
      }
    });
  }

  it('a tampered copy of each fails on the digest, naming the element', async () => {
    for (const f of [...SIGNED_FIXTURES, ...SELF_CERTIFIED_FIXTURES]) {
      const on = f.signed[0]!;
      const xml = tamperContent(cryptoFixture(f.file), on);
      const r = await verifyMessage(xml, 'cert' in f ? { certificates: [keyFile(f.cert as string)] } : {});
      const s = r.signatures.find((x) => x.on === on)!;
      expect(s.outcome, f.file).toBe('digest-mismatch');
      expect(s.detail).toContain(`the digest of ${s.element}`);
      expect(s.element).toMatch(on === 'message' ? /^(Response|AuthnRequest) ID=/ : /^Assertion ID=/);
    }
  });

  it('the same certificate in many messages (parsed once) gives each message its own verdict', async () => {
    let withCertificate = 0;
    for (const f of SELF_CERTIFIED_FIXTURES) {
      const on = f.signed[0]!;
      const valid = cryptoFixture(f.file);
      const results = [];
      for (const xml of [valid, tamperContent(valid, on), valid]) results.push((await verifyMessage(xml)).signatures.find((x) => x.on === on)!);
      expect(results.map((r) => r.outcome), f.file).toEqual(['valid', 'digest-mismatch', 'valid']);
      expect(results[2]!.certificate).toEqual(results[0]!.certificate);
      if (results[0]!.certificate) withCertificate++;
    }
    expect(withCertificate).toBeGreaterThan(0);
  });

  it('a changed SignatureValue fails on the signature value, the digest intact', async () => {
    for (const f of SIGNED_FIXTURES) {
      const r = await verifyMessage(tamperSignatureValue(cryptoFixture(f.file)), { certificates: [keyFile(f.cert)] });
      expect(r.signatures[0]!.outcome, f.file).toBe('signature-mismatch');
      expect(r.signatures[0]!.detail).toContain('the signature value does not verify');
    }
  });

  it('another trusted certificate: valid with the embedded one but not trusted (a rotated IdP certificate)', async () => {
    const r = await verifyMessage(cryptoFixture('okta/gosaml2-okta-response.xml'), { certificates: [keyFile('gosaml2-auth0_cert.pem')] });
    expect(r.signatures.map((s) => [s.outcome, s.trusted])).toEqual([
      ['valid', false],
      ['valid', false],
    ]);
    expect(r.signatures[0]!.certificate?.subject).toContain('CN=dev-116807');
  });

  it('PingFed sends no KeyInfo: unsupported without a certificate, valid with it', async () => {
    const xml = cryptoFixture('pingfed/gosaml2-pfed11-response-01.b64');
    expect((await verifyMessage(xml)).signatures[0]).toMatchObject({ outcome: 'unsupported' });
  });

  it('placeholder signature values are reported, not thrown', async () => {
    const r = await verifyMessage(cryptoFixture('simplesamlphp/rubysaml-simplesamlphp-response.xml'));
    expect(r.signatures.map((s) => s.outcome)).toEqual(['error', 'error']);
    const entra = await verifyMessage(cryptoFixture('entra/saml2aws-aad-response.xml'));
    expect(entra.signatures[0]).toMatchObject({ outcome: 'error', detail: expect.stringContaining('not base64') });
  });

  it('signature wrapping: the signed Response hidden inside an unsigned one is not taken as the message signature', async () => {
    const r = await verifyMessage(cryptoFixture('invalid/rubysaml-signature_wrapping_attack.b64'));
    expect(r.signatures.filter((s) => s.outcome === 'valid')).toEqual([]);
  });

  it('a duplicated ID is refused (signature wrapping)', async () => {
    const keys = makeKeys('rsa:2048');
    const signed = signXml(buildProtocolResponse({ assertion: { signature: null } }), { keys, target: 'assertion' });
    const wrapped = signed.replace('<saml:Subject>', '<saml:Advice><saml:Assertion ID="_assert-1" Version="2.0"/></saml:Advice><saml:Subject>');
    const [s] = (await verifyMessage(wrapped, { certificates: [keys.certPem] })).signatures;
    expect(s).toMatchObject({ outcome: 'error', detail: expect.stringContaining('2 elements carry the ID "_assert-1"') });
  });

  it('bad input never throws', async () => {
    for (const xml of ['', 'not xml', '<a', '<!DOCTYPE x [<!ENTITY e "x">]><a>&e;</a>', '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>']) {
      const r = await verifyMessage(xml, { certificates: ['garbage'] });
      expect(r.signatures).toEqual([]);
    }
  });
});

describe('verifyMessage: messages signed at test time', () => {
  const unsigned = buildProtocolResponse({ assertion: { signature: null } });
  const cases: Array<[KeySpec, string, string]> = [
    ['rsa:2048', ALG.rsaSha256, DIGEST.sha256],
    ['rsa:2048', ALG.rsaSha1, DIGEST.sha1],
    ['rsa:2048', ALG.rsaSha384, DIGEST.sha256],
    ['rsa:2048', ALG.rsaSha512, DIGEST.sha512],
    ['ec:P-256', ALG.ecdsaSha256, DIGEST.sha256],
    ['ec:P-384', ALG.ecdsaSha384, DIGEST.sha256],
  ];
  for (const [spec, algorithm, digest] of cases) {
    const name = algorithm.replace(/^.*#/, '');
    it(`${name} (${spec}): Response and Assertion verify; each tampered copy fails`, async () => {
      const keys = makeKeys(spec);
      const xml = signXml(signXml(unsigned, { keys, target: 'assertion', algorithm, digest }), { keys, target: 'root', algorithm, digest });
      const r = await verifyMessage(xml, { certificates: [keys.certPem] });
      expect(r.signatures.map((s) => [s.on, s.outcome, s.trusted, s.algorithm])).toEqual([
        ['message', 'valid', true, algorithm],
        ['assertion', 'valid', true, algorithm],
      ]);
      expect(r.signatures[0]!.certificate?.keyAlgorithm).toBe(spec.startsWith('ec') ? 'EC' : 'RSA');
      // Only the assertion's content changes: its digest breaks, and so does the Response's (it contains it).
      const tampered = await verifyMessage(xml.replace('jdoe@example.com', 'mallory@example.com'), { certificates: [keys.certPem] });
      expect(tampered.signatures.map((s) => s.outcome)).toEqual(['digest-mismatch', 'digest-mismatch']);
    });
  }

  it('exclusive C14N WithComments on an ID reference: verifies, and comments stay outside the signature (XML-DSig §4.4.3.3)', async () => {
    const keys = makeKeys('rsa:2048');
    const xml = signXml(unsigned.replace('<saml:Subject>', '<!-- note --><saml:Subject>'), { keys, target: 'assertion', c14n: EXC_C14N_COMMENTS });
    expect(xml).toContain('xml-exc-c14n#WithComments');
    expect((await verifyMessage(xml, { certificates: [keys.certPem] })).signatures[0]).toMatchObject({ outcome: 'valid', trusted: true });
    expect((await verifyMessage(xml.replace('<!-- note -->', '<!-- other -->'), { certificates: [keys.certPem] })).signatures[0]?.outcome).toBe('valid');
    expect((await verifyMessage(xml.replace('jdoe@', 'jdoe2@'), { certificates: [keys.certPem] })).signatures[0]?.outcome).toBe('digest-mismatch');
  });

  it('exclusive C14N: a comment added after signing changes nothing', async () => {
    const keys = makeKeys('rsa:2048');
    const xml = signXml(unsigned, { keys, target: 'assertion' });
    const commented = xml.replace('<saml:Subject>', '<!-- added --><saml:Subject>');
    expect((await verifyMessage(commented, { certificates: [keys.certPem] })).signatures[0]?.outcome).toBe('valid');
  });

  it('without KeyInfo the trusted certificate decides; with neither there is no key', async () => {
    const keys = makeKeys('rsa:2048');
    const xml = signXml(unsigned, { keys, target: 'root', keyInfo: false });
    expect((await verifyMessage(xml, { certificates: [keys.certPem] })).signatures[0]).toMatchObject({ outcome: 'valid', trusted: true });
    expect((await verifyMessage(xml)).signatures[0]).toMatchObject({ outcome: 'unsupported', detail: expect.stringContaining('no key') });
    const other = makeKeys('rsa:2048', { cn: 'someone-else' });
    expect((await verifyMessage(xml, { certificates: [other.certPem] })).signatures[0]).toMatchObject({ outcome: 'signature-mismatch', trusted: false });
  });

  it('a re-signed message (rotated key) verifies with what it carries, not with the trusted certificate', async () => {
    const before = makeKeys('rsa:2048', { cn: 'idp-2025' });
    const after = makeKeys('rsa:2048', { cn: 'idp-2026' });
    const r = await verifyMessage(signXml(unsigned, { keys: after, target: 'root' }), { certificates: [before.certPem] });
    expect(r.signatures[0]).toMatchObject({ outcome: 'valid', trusted: false, certificate: { subject: 'CN=idp-2026' } });
  });
});
