// The contracts every sign-in protocol (utils/saml/, utils/oidc/, …) meets, so that analyze(), flows, rules and
// views stay protocol-agnostic where they can (DESIGN.md "Growing past SAML").
import type { Flow } from '../flow/types';
import type { HarEntry } from '../har/types';
import type { OidcMessage } from '../oidc/types';
import type { SamlMessage } from '../saml/types';
import type { Verification } from '../trust/types';
import type { ReadCache } from './read-cache';

/** Every message any protocol yields. A protocol joins by adding its message type here and a registry line. */
export type Message = SamlMessage | OidcMessage;

export type ProtocolId = Message['protocol'];

/** The messages of one protocol. */
export type MessageOf<P extends ProtocolId> = Extract<Message, { protocol: P }>;

/** What every message has, whatever its protocol. Plain data: it survives JSON and structured clone. */
export interface MessageBase {
  /** Unique within one analysis: `<exchangeIndex>:<part>`, part chosen by the protocol (SAML: the field name). */
  key: string;
  protocol: string;
  /** The protocol's own message kinds (SAML: 'AuthnRequest', 'Response', …). */
  kind: string;
  /** Index of the exchange in the analyzed list. */
  exchangeIndex: number;
  /** Where the message was sent (the request URL of its exchange). */
  url: string;
  method: string;
  httpStatus?: number;
  /** Capture time of the exchange (HAR startedDateTime), ISO 8601. */
  capturedAt?: string;
  /** The protocol's own message identifier, when it has one (SAML ID). Findings carry it as `messageId`. */
  id?: string;
  /** Set when the message could not be read; the protocol's rules turn it into a finding. */
  problem?: { rule: string; stage: string; detail: string };
  /** Set by the async enrich step (utils/trust/enrich.ts) before the rules run: signature and decryption results. */
  verification?: Verification;
  /** Set by analyze(): the instant the time rules judged this message at, and where it came from. */
  judgedAt?: { instant: string; source: 'capture' | 'option' | 'issue-instant' | 'wall-clock' };
}

/** The cheap half of a protocol, all that capture needs (utils/protocols/detectors.ts). */
export interface Detector {
  id: string;
  /**
   * Does this exchange carry a message of the protocol? Runs on every request a page makes (capture keeps what
   * any protocol detects), so it must cost a few string tests in the common case: no decoding, no parsing.
   */
  detect(entry: HarEntry): boolean;
  /**
   * ASCII strings of which at least one appears in the URL or the raw request body of every exchange `detect`
   * accepts: the recorder scans upload bytes for them before it builds a HAR entry.
   */
  markers: readonly string[];
}

/**
 * One protocol of the registry (utils/protocols/registry.ts). Lives in `utils/<protocol>/protocol.ts`.
 * Everything here is pure and never throws on input.
 */
export interface Protocol<M extends Message = Message> extends Detector {
  id: M['protocol'];
  label: string;
  /** The protocol's messages in one exchange (none for other traffic, cheaply). `cache` skips re-reading. */
  read(entry: HarEntry, exchangeIndex: number, cache?: ReadCache): M[];
  /**
   * Groups the protocol's messages (capture order) into flows. The engine numbers the flows of all protocols
   * (`flow-N`, by first message) and sets `profile`, `reason`, `skipped` and `hops`: leave `id` empty.
   * Without it, each message is a flow of kind 'other'.
   */
  buildFlows?(messages: readonly M[]): Flow[];
  /** The URLs a message goes to or names for the service (SAML: Destination, ACS URL, request URL): profiles match on them. */
  urlsOf(message: M): Array<string | undefined>;
}
