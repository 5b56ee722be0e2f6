// The certificates a message carries in its signatures' KeyInfo, with the element each signature covers: what
// the panel's certificate view shows. Loaded on demand with the rest of the crypto code.
import { certificateFromDer, type CertificateDetails } from './certificate';
import { readDerBlocks } from './pem';
import { DSIG_NS, describeElement, descendants, parseXmlDocument, textOf } from './xml-dom';

export interface SigningCertificate {
  details: CertificateDetails;
  /** The elements whose signature carries it, as findings name them (`Response ID="_r1"`, `Assertion ID="_a1"`). */
  signedElements: string[];
}

export interface SigningCertificates {
  certificates: SigningCertificate[];
  /** Why some or all could not be read (the XML, or a KeyInfo that is not a certificate). */
  problems: string[];
}

/** Never throws on input: an unreadable message or certificate is a problem in the result. */
export async function signingCertificates(xml: string): Promise<SigningCertificates> {
  const parsed = parseXmlDocument(xml);
  if (!parsed.ok) return { certificates: [], problems: [parsed.error] };
  const certificates: SigningCertificate[] = [];
  const problems: string[] = [];
  for (const signature of descendants(parsed.doc, DSIG_NS, 'Signature')) {
    const parent = signature.parentNode as Element | null;
    const element = parent && parent.nodeType === 1 ? describeElement(parent) : 'the document';
    for (const node of descendants(signature, DSIG_NS, 'X509Certificate')) {
      const blocks = readDerBlocks(textOf(node));
      if (!blocks.length) problems.push(`the certificate in the signature of ${element} is not base64 DER`);
      for (const block of blocks) {
        try {
          const details = await certificateFromDer(block.der);
          const known = certificates.find((c) => c.details.sha256 === details.sha256);
          if (!known) certificates.push({ details, signedElements: [element] });
          else if (!known.signedElements.includes(element)) known.signedElements.push(element);
        } catch (e) {
          problems.push(`the certificate in the signature of ${element} cannot be read (${(e as Error).message})`);
        }
      }
    }
  }
  return { certificates, problems };
}
