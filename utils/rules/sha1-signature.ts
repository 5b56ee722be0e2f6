import { assertionLabel } from './support/bearer-confirmation';
import { defineRule } from './define-rule';
import { SPEC, ENTRA, OKTA } from './support/docs-links';
import { shortUri } from './support/saml-uris';
import type { Fix } from './types';
import type { SignatureInfo } from '../saml/types';

const isSha1 = (uri: string | undefined) => !!uri && /(^|-)sha1$/i.test(shortUri(uri.trim()));

const IDP_FIX: Fix = {
  generic: 'Have the IdP sign with RSA-SHA256 (http://www.w3.org/2001/04/xmldsig-more#rsa-sha256) and the SHA-256 digest.',
  entra: `In ${ENTRA.certificates}, set "Signing Algorithm" to SHA-256.`,
  okta: `In ${OKTA.advanced}, set "Signature Algorithm" to RSA-SHA256 and "Digest Algorithm" to SHA256.`,
};
const SP_FIX: Fix = {
  generic: "Have the SP sign its requests with RSA-SHA256: SHA-1 signatures can be forged, and IdPs increasingly refuse them.",
};

function weakParts(sig: SignatureInfo | undefined): string[] {
  if (!sig) return [];
  const parts: string[] = [];
  if (isSha1(sig.signatureMethod)) parts.push(shortUri(sig.signatureMethod!));
  const digests = sig.digestMethods.filter(isSha1);
  if (digests.length) parts.push(`${shortUri(digests[0]!)} digest`);
  return parts;
}

export default defineRule({
  id: 'sha1-signature',
  severity: 'warning',
  title: 'Signed with SHA-1',
  description:
    'A signature uses RSA-SHA1 or a SHA-1 digest (XML signature, or the SigAlg of the HTTP-Redirect binding). SHA-1 collisions are practical; services are dropping it, and a signature that works today may be refused after their next update.',
  docs: SPEC.xmldsig,
  fix: IDP_FIX,
  appliesTo: ['Response', 'AuthnRequest', 'LogoutRequest', 'LogoutResponse'],
  check({ message }) {
    const found: Array<{ where: string; path: string; what: string[] }> = [];
    const own = weakParts(message.signature);
    if (own.length) found.push({ where: `the signature of the ${message.kind}`, path: `${message.kind}/Signature/SignedInfo`, what: own });
    message.assertions.forEach((a, i) => {
      const weak = weakParts(a.signature);
      if (weak.length) found.push({ where: `the signature of ${assertionLabel(message, i)}`, path: 'Assertion/Signature/SignedInfo', what: weak });
    });
    const sigAlg = message.redirectSignature?.sigAlg;
    if (isSha1(sigAlg)) found.push({ where: 'the Redirect binding SigAlg', path: 'SigAlg', what: [shortUri(sigAlg!)] });
    if (!found.length) return [];
    const fromIdp = message.kind === 'Response' || message.kind === 'LogoutResponse';
    return [
      {
        message: `SHA-1 is used by ${found.map((f) => `${f.where} (${f.what.join(', ')})`).join('; ')}: move to RSA-SHA256 before the ${fromIdp ? 'service' : 'IdP'} stops accepting it.`,
        evidence: { path: found[0]!.path, value: found.flatMap((f) => f.what).join(', ') },
        fix: fromIdp ? IDP_FIX : SP_FIX,
      },
    ];
  },
});
