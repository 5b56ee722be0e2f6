// Enveloped XML signatures of SAML Responses and Assertions (XML-DSig core §3.2), checked in two steps so a
// failure says which one broke: the digest of the signed element (the content changed after signing) or the
// signature value over SignedInfo (a different key, or SignedInfo changed).
import {
  CryptoConfig,
  SignedXml,
  XmlCanonicalizer,
  XmlDsigEnvelopedSignatureTransform,
  XmlDsigExcC14NTransform,
  XmlDsigExcC14NWithCommentsTransform,
  type Reference,
} from 'xmldsigjs';
import { fromBase64, toBase64 } from './bytes';
import { certificateFromDer, parseCertificates, summarize, type CertificateDetails } from './certificate';
import { readDerBlocks } from './pem';
import type { PreparedTrust, SignatureVerification } from './signature-types';
import { DSIG_NS, SAML_NS, SAMLP_NS, childElements, describeElement, parseXmlDocument, textOf } from './xml-dom';

/** Exposes xmldsigjs' two verification steps separately (they are protected there). */
class SteppedSignedXml extends SignedXml {
  references(): Reference[] {
    return Array.from(this.XmlSignature.SignedInfo.References.GetIterator());
  }
  /**
   * Whether the referenced element still hashes to its DigestValue. The usual SAML transforms (enveloped +
   * exclusive C14N) are applied in place — the enveloped signatures are taken out for the canonicalization and
   * put back — because copying a large DOM costs more than the whole check; anything else goes through
   * xmldsigjs' general path.
   */
  async digestMatches(root: Element, target: Element, ref: Reference): Promise<boolean> {
    const transforms = ref.Transforms ? Array.from(ref.Transforms.GetIterator()) : [];
    const exc = transforms.find((t): t is XmlDsigExcC14NTransform => t instanceof XmlDsigExcC14NTransform);
    const simple = exc && transforms.every((t) => t === exc || t instanceof XmlDsigEnvelopedSignatureTransform);
    let digest: Uint8Array;
    if (simple) {
      // A bare-name reference ("#id") selects the element without its comments, even under a WithComments
      // transform (XML-DSig §4.4.3.3); only an XPointer reference keeps them. xml-crypto and Santuario agree.
      const keepComments = exc instanceof XmlDsigExcC14NWithCommentsTransform && (ref.Uri ?? '').startsWith('#xpointer');
      const c14n = new XmlCanonicalizer(keepComments, true);
      if (exc.InclusiveNamespacesPrefixList) c14n.InclusiveNamespacesPrefixList = exc.InclusiveNamespacesPrefixList;
      const enveloped = transforms.length > 1 ? childElements(target, DSIG_NS, 'Signature') : [];
      const places = enveloped.map((sig) => ({ sig, next: sig.nextSibling }));
      let text: string;
      try {
        for (const p of places) target.removeChild(p.sig);
        text = c14n.Canonicalize(target);
      } finally {
        for (const p of places.reverse()) target.insertBefore(p.sig, p.next);
      }
      // Bytes from the platform's encoder: xml-core's own UTF-8 conversion is a JS loop over the whole text.
      digest = await CryptoConfig.CreateHashAlgorithm(ref.DigestMethod.Algorithm!).Digest(new TextEncoder().encode(text));
    } else {
      // DigestReference works on a copy of the referenced element: the document itself is not changed.
      digest = await this.DigestReference(root, ref, false);
    }
    return toBase64(digest) === toBase64(ref.DigestValue as Uint8Array);
  }
  signatureMatches(key: CryptoKey): Promise<boolean> {
    return this.ValidateSignatureValue([key]);
  }
  keyValueKeys(): Promise<CryptoKey[]> {
    return this.GetPublicKeys();
  }
}

const ID_ATTRS = ['ID', 'Id', 'id'];
const idOf = (el: Element) => ID_ATTRS.map((a) => el.getAttribute(a)).find((v) => v) ?? '';

// An IdP puts the same certificate in every Response, and the panel verifies the same messages again on each
// new capture: parse each KeyInfo certificate text once (a few dozen kept, oldest dropped first).
const parsedKeyInfo = new Map<string, Promise<CertificateDetails[]>>();
const KEYINFO_CACHE_SIZE = 32;

function parseKeyInfoCertificate(text: string): Promise<CertificateDetails[]> {
  let parsed = parsedKeyInfo.get(text);
  if (!parsed) {
    parsed = (async () => {
      const out: CertificateDetails[] = [];
      for (const block of readDerBlocks(text)) {
        try {
          out.push(await certificateFromDer(block.der));
        } catch {
          // not a certificate: the signature can still be checked against trusted ones
        }
      }
      return out;
    })();
    parsedKeyInfo.set(text, parsed);
    if (parsedKeyInfo.size > KEYINFO_CACHE_SIZE) parsedKeyInfo.delete(parsedKeyInfo.keys().next().value!);
  }
  return parsed;
}

/** Certificates carried in the signature's KeyInfo, read tolerantly (some toolkits base64 a whole PEM). */
async function embeddedCertificates(signature: Element): Promise<CertificateDetails[]> {
  const out: CertificateDetails[] = [];
  for (const node of Array.from(signature.getElementsByTagNameNS(DSIG_NS, 'X509Certificate'))) out.push(...(await parseKeyInfoCertificate(textOf(node))));
  return out;
}

// Imported keys by certificate and algorithm, for the same reason (a certificate object lives while cached).
const keyCache = new WeakMap<CertificateDetails, Map<string, Promise<CryptoKey | null>>>();

function importVerifyKey(cert: CertificateDetails, alg: Algorithm & { hash?: unknown }): Promise<CryptoKey | null> {
  const id = JSON.stringify(alg);
  let keys = keyCache.get(cert);
  if (!keys) keyCache.set(cert, (keys = new Map()));
  let key = keys.get(id);
  if (!key) {
    key = importKey(cert, alg);
    keys.set(id, key);
  }
  return key;
}

async function importKey(cert: CertificateDetails, alg: Algorithm & { hash?: unknown }): Promise<CryptoKey | null> {
  try {
    const params = alg.name === 'ECDSA' ? { name: 'ECDSA', namedCurve: cert.curve ?? 'P-256' } : alg;
    return await crypto.subtle.importKey('spki', cert.spki as Uint8Array<ArrayBuffer>, params, false, ['verify']);
  } catch {
    return null;
  }
}

/** A certificate or its key in a message can only be trusted if it is byte-identical to a trusted one. */
function sameKey(a: CertificateDetails, b: CertificateDetails): boolean {
  return a.sha256 === b.sha256 || toBase64(a.spki) === toBase64(b.spki);
}

/** Loads the Signature without its KeyInfo (put back afterwards). */
function loadWithoutKeyInfo(signed: SteppedSignedXml, signature: Element, keyInfo: Element): void {
  const next = keyInfo.nextSibling;
  signature.removeChild(keyInfo);
  try {
    signed.LoadXml(signature);
  } finally {
    signature.insertBefore(keyInfo, next);
  }
}

/**
 * `certificatesRead`: the KeyInfo certificates are already parsed (embeddedCertificates, cached), so xmldsigjs
 * need not parse them again, which costs a third of a check.
 */
function loadSignature(doc: Document, signature: Element, certificatesRead: boolean): SteppedSignedXml {
  const signed = new SteppedSignedXml(doc);
  const keyInfo = childElements(signature, DSIG_NS, 'KeyInfo')[0];
  if (certificatesRead && keyInfo) {
    loadWithoutKeyInfo(signed, signature, keyInfo);
    return signed;
  }
  try {
    signed.LoadXml(signature);
  } catch (e) {
    // xmldsigjs parses KeyInfo certificates eagerly; an unreadable one must not hide the signature check.
    if (!keyInfo) throw e;
    loadWithoutKeyInfo(signed, signature, keyInfo);
  }
  return signed;
}

async function checkOne(
  doc: Document,
  signature: Element,
  target: { on: 'message' | 'assertion'; assertionIndex?: number },
  trust: PreparedTrust | undefined,
): Promise<SignatureVerification> {
  const parent = signature.parentNode as Element;
  const element = describeElement(parent);
  const base: SignatureVerification = { ...target, outcome: 'error', element };
  const algorithm = childElements(childElements(signature, DSIG_NS, 'SignedInfo')[0] ?? signature, DSIG_NS, 'SignatureMethod')[0]?.getAttribute('Algorithm') ?? undefined;
  if (algorithm) base.algorithm = algorithm;
  const embedded = await embeddedCertificates(signature);
  if (embedded[0]) base.certificate = summarize(embedded[0]);

  const signatureValue = textOf(childElements(signature, DSIG_NS, 'SignatureValue')[0]);
  if (!fromBase64(signatureValue)) {
    return { ...base, detail: `the SignatureValue of ${element} is ${signatureValue ? 'not base64 (cut off or altered)' : 'empty'}` };
  }

  let signed: SteppedSignedXml;
  try {
    signed = loadSignature(doc, signature, embedded.length > 0);
  } catch (e) {
    const msg = (e as Error).message;
    const unsupported = /algorithm|not supported|unknown/i.test(msg);
    return { ...base, outcome: unsupported ? 'unsupported' : 'error', detail: `the signature of ${element} cannot be read: ${msg}` };
  }

  const refs = signed.references();
  const parentId = idOf(parent);
  // Only a reference to the element that holds the signature counts: anything else is how signature wrapping works.
  const ownRef = refs.find((r) => r.Uri === `#${parentId}` || (r.Uri === '' && parent === doc.documentElement));
  if (!ownRef || refs.length !== 1) {
    const uris = refs.map((r) => r.Uri || '""').join(', ');
    return { ...base, detail: `the signature in ${element} references ${uris || 'nothing'}, not the element that holds it (${parentId ? `#${parentId}` : 'no ID'})` };
  }

  const sameId = parentId ? Array.from(doc.getElementsByTagName('*')).filter((el) => idOf(el) === parentId).length : 1;
  if (sameId > 1) {
    return { ...base, detail: `${sameId} elements carry the ID "${parentId}" that the signature of ${element} references: a receiver may check one and read another (signature wrapping)` };
  }

  let digestOk: boolean;
  try {
    digestOk = await signed.digestMatches(doc.documentElement, parent, ownRef);
  } catch (e) {
    const msg = (e as Error).message;
    return { ...base, outcome: /algorithm|not supported|unknown/i.test(msg) ? 'unsupported' : 'error', detail: `the digest of ${element} cannot be computed: ${msg}` };
  }

  // Trusted certificates first: a signature that verifies with one proves origin, not only integrity.
  const alg = signed.Algorithm as Algorithm;
  const candidates: Array<{ cert: CertificateDetails; trusted: boolean }> = [
    ...(trust?.certificates ?? []).map((cert) => ({ cert, trusted: true })),
    ...embedded.filter((e) => !trust?.certificates.some((t) => sameKey(t, e))).map((cert) => ({ cert, trusted: false })),
  ];
  let verifiedBy: { cert?: CertificateDetails; trusted: boolean } | undefined;
  let triedKeys = 0;
  for (const c of candidates) {
    const key = await importVerifyKey(c.cert, alg);
    if (!key) continue;
    triedKeys++;
    try {
      if (await signed.signatureMatches(key)) {
        verifiedBy = c;
        break;
      }
    } catch {
      // a key of the wrong type for this algorithm: try the next
    }
  }
  if (!verifiedBy && !embedded.length) {
    // KeyInfo may carry a bare RSAKeyValue / ECKeyValue instead of a certificate.
    try {
      for (const key of await signed.keyValueKeys()) {
        triedKeys++;
        if (await signed.signatureMatches(key)) {
          verifiedBy = { trusted: false };
          break;
        }
      }
    } catch {
      // no usable key value
    }
  }
  const trusted = trust && trust.certificates.length ? verifiedBy?.trusted ?? false : undefined;
  const result: SignatureVerification = { ...base, ...(trusted !== undefined ? { trusted } : {}) };
  if (verifiedBy?.cert) result.certificate = summarize(verifiedBy.cert);
  else if (verifiedBy) delete result.certificate;

  if (!digestOk) {
    return {
      ...result,
      outcome: 'digest-mismatch',
      detail: `the digest of ${element} does not match its DigestValue: the ${parent.localName} was changed or re-encoded after it was signed${verifiedBy ? ' (the signature value over SignedInfo is intact)' : ''}`,
    };
  }
  if (verifiedBy) return { ...result, outcome: 'valid' };
  if (!triedKeys) {
    return { ...result, outcome: 'unsupported', detail: `no key to check the signature of ${element} with: it carries no usable certificate and none was given` };
  }
  return {
    ...result,
    outcome: 'signature-mismatch',
    detail: `the digest of ${element} matches, but the signature value does not verify with ${candidates.length === 1 ? 'the certificate' : `any of the ${candidates.length} certificates`} (${trust?.certificates.length ? 'trusted and embedded' : 'embedded'}): SignedInfo was changed, or another key signed it`,
  };
}

export interface XmlVerification {
  signatures: SignatureVerification[];
  /** Set when the XML could not be read at all. */
  error?: string;
}

/**
 * Checks every signature of a SAML message: on the root (Response, request) and on each Assertion directly
 * inside a Response, each against the trusted certificates first, then against what the message carries.
 */
export async function verifyXmlSignatures(xml: string, trust?: PreparedTrust): Promise<XmlVerification> {
  const parsed = parseXmlDocument(xml);
  if (!parsed.ok) return { signatures: [], error: parsed.error };
  const root = parsed.doc.documentElement;
  const out: SignatureVerification[] = [];
  const rootIsAssertion = root.localName === 'Assertion' && root.namespaceURI === SAML_NS;
  const own = childElements(root, DSIG_NS, 'Signature')[0];
  if (own) out.push(await checkOne(parsed.doc, own, rootIsAssertion ? { on: 'assertion', assertionIndex: 0 } : { on: 'message' }, trust));
  const assertions = root.namespaceURI === SAMLP_NS ? childElements(root, SAML_NS, 'Assertion') : [];
  for (const [i, assertion] of assertions.entries()) {
    const sig = childElements(assertion, DSIG_NS, 'Signature')[0];
    if (sig) out.push(await checkOne(parsed.doc, sig, { on: 'assertion', assertionIndex: i }, trust));
  }
  return { signatures: out };
}

/** Parses trust input: every certificate in each PEM / base64 text; unreadable ones are reported, not thrown. */
export async function certificatesFrom(texts: readonly string[]): Promise<{ certificates: CertificateDetails[]; errors: string[] }> {
  const certificates: CertificateDetails[] = [];
  const errors: string[] = [];
  for (const [i, text] of texts.entries()) {
    try {
      certificates.push(...(await parseCertificates(text)));
    } catch (e) {
      errors.push(`certificate ${i + 1}: ${(e as Error).message}`);
    }
  }
  return { certificates, errors };
}

