// Bundled in place of pkijs (see the `resolve.alias` in wxt.config.ts, vite.cli.config.ts and vitest.config.ts).
// xmldsigjs imports pkijs for two things SSO Lens never asks of it: registering a crypto engine (WebCrypto is
// given to xmldsigjs directly, utils/crypto/xml-dom.ts) and reading KeyInfo certificates (read by
// utils/crypto/certificate.ts, and the Signature is loaded without its KeyInfo when they were read). pkijs is
// 300 KB of the extension's 560 KB crypto chunk.

/** Accepted and ignored: xmldsigjs keeps its own reference to the WebCrypto object. */
export class CryptoEngine {
  constructor(_options: unknown) {}
}

export function setEngine(_name: string, _engine: unknown): void {}

/** xmldsigjs parsing a KeyInfo certificate itself: it reports the error and the Signature is read without it. */
export class Certificate {
  constructor() {
    throw new Error('the KeyInfo certificate is not read by the signature library');
  }
}
