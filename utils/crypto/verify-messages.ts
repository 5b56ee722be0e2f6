// The crypto step of an analysis: for each SAML message, check its signatures (XML and HTTP-Redirect),
// decrypt its EncryptedAssertions when an SP key is given, and record what was found in `verification`.
// Loaded on demand: nothing here runs unless a message is signed or encrypted.
import { readMessage } from '../saml/model';
import { parseXml } from '../saml/parse';
import type { Message } from '../protocols/types';
import type { Assertion, SamlMessage } from '../saml/types';
import { summarize } from './certificate';
import { decryptAssertions } from './decrypt-assertion';
import { prepareTrust, type ReadyTrust } from './prepare-trust';
import type { SignatureVerification } from './signature-types';
import type { TrustMaterial, Verification } from './verification';
import { verifyRedirectSignature } from './verify-redirect-signature';
import { verifyXmlSignatures, type XmlVerification } from './verify-xml-signature';
import { needsCrypto, trustGiven } from './needs-crypto';

function decryptedAssertions(xml: string): Assertion[] | undefined {
  const parsed = parseXml(xml);
  return parsed.ok ? readMessage('Response', parsed.root).assertions : undefined;
}

// The panel analyzes every kept exchange again when one arrives: a message's signature checks depend only on
// its XML and the trusted certificates, so they are remembered (the most recent ones) rather than redone.
const MAX_REMEMBERED = 1024;
const NO_TRUSTED_CERTIFICATES = {};
const remembered = new WeakMap<object, Map<string, { xml: string; result: Promise<XmlVerification> }>>();

/**
 * What a message is remembered under: its length and its two ends. Hashing the whole XML for every lookup was
 * a tenth of checking a large HAR's signatures; a message's IDs sit near its start, and an entry is used only
 * when its XML is the same, whole.
 */
function rememberedKey(xml: string): string {
  return xml.length > 320 ? `${xml.length}:${xml.slice(0, 256)}${xml.slice(-64)}` : xml;
}

function verifyXmlRemembered(xml: string, trust: ReadyTrust): Promise<XmlVerification> {
  // Trust material is prepared once per object (prepare-trust.ts); without certificates every call is alike.
  const by = trust.certificates.length ? trust : NO_TRUSTED_CERTIFICATES;
  let results = remembered.get(by);
  if (!results) remembered.set(by, (results = new Map()));
  const key = rememberedKey(xml);
  let entry = results.get(key);
  if (entry) results.delete(key);
  if (entry?.xml !== xml) {
    entry = { xml, result: verifyXmlSignatures(xml, trust) };
    if (results.size >= MAX_REMEMBERED) results.delete(results.keys().next().value!);
  }
  results.set(key, entry);
  return entry.result;
}

async function verifyOne(m: SamlMessage, trust: ReadyTrust, given: boolean): Promise<void> {
  const verification: Verification = {};
  const signatures: SignatureVerification[] = [];
  const xml = m.xml!;
  if (m.binding === 'redirect' && m.redirectSignature?.signature) {
    const r = await verifyRedirectSignature(m.url, trust);
    if (r) signatures.push(r);
  }
  const original = await verifyXmlRemembered(xml, trust);
  if (original.error) (verification.errors ??= []).push(original.error);
  let assertionSignatures = original.signatures.filter((s) => s.on === 'assertion');
  signatures.push(...original.signatures.filter((s) => s.on === 'message'));

  let assertions: Assertion[] | undefined;
  if (m.encryptedAssertions > 0 && trust.key) {
    const d = await decryptAssertions(xml, trust.key);
    verification.decryption = { decrypted: d.decrypted, failed: d.failed, ...(d.errors.length ? { detail: d.errors.join('; ') } : {}) };
    if (d.decrypted) {
      assertions = decryptedAssertions(d.xml);
      // The Response's own signature covers the encrypted form (checked above); assertions are checked decrypted.
      assertionSignatures = (await verifyXmlSignatures(d.xml, trust)).signatures.filter((s) => s.on === 'assertion');
    }
  }
  signatures.push(...assertionSignatures);
  if (signatures.length) verification.signatures = signatures;
  if (given) {
    verification.trustedCertificates = trust.certificates.map(summarize);
    if (trust.entities.length) {
      verification.metadata = {
        entityIds: trust.entities.map((e) => e.entityId),
        ssoLocations: trust.entities.flatMap((e) => e.ssoServices.map((s) => s.location)),
      };
    }
    if (trust.errors.length) (verification.errors ??= []).push(...trust.errors);
  }
  // Top-level fields only: nested objects may be shared with a read cache.
  m.verification = verification;
  if (assertions) m.assertions = assertions;
}

/** The enrich step: sets `verification` (and decrypted `assertions`) on each message that needs it. */
export async function verifyMessages(messages: Message[], material: TrustMaterial = {}): Promise<void> {
  const trust = await prepareTrust(material);
  const given = trustGiven(material);
  for (const m of messages) {
    if (m.protocol !== 'saml' || !needsCrypto(m, material)) continue;
    try {
      await verifyOne(m, trust, given);
    } catch (e) {
      m.verification = { errors: [`signature check failed: ${(e as Error).message}`] };
    }
  }
}
