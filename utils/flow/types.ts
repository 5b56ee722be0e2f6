import type { ProfileId, ProfileReason } from '../profiles/types';
import type { IdpErrorPage } from './idp-error-page';

/** A non-protocol exchange of a sign-in: a redirect, an error page, the ACS answer's landing page. */
export interface Hop {
  exchangeIndex: number;
  method: string;
  url: string;
  status?: number;
  /** The `Location` header of a redirect. */
  location?: string;
  mimeType?: string;
  capturedAt?: string;
  /** Duration of the exchange in ms (HAR `time`). */
  durationMs?: number;
}

/** Where an IdP's error page was seen in a flow. */
export interface ErrorPageSighting {
  exchangeIndex: number;
  url: string;
  status?: number;
  page: IdpErrorPage;
}

/** A rule the flow's profile did not run, and why (shown so that silence is never read as "ok"). */
export interface SkippedCheck {
  rule: string;
  reason: string;
}

/** What every flow has, whatever its protocol. */
export interface FlowBase {
  /** `flow-N`, numbered by the engine over all protocols in the order of each flow's first message. */
  id: string;
  protocol: string;
  kind: 'sign-in' | 'sign-out' | 'other';
  /** The flow's messages, by key into the analysis' messages, in capture order. */
  messageKeys: string[];
  requestKey?: string;
  responseKey?: string;
  startedAt?: string;
  endedAt?: string;
  /** Set by analyze(): the service profile that judged the flow, and why it was chosen. */
  profile?: ProfileId;
  reason?: ProfileReason;
  /** Set by analyze(): the rules the profile skipped on this flow. */
  skipped?: SkippedCheck[];
  /** Set by analyze(): the non-protocol exchanges from where the sign-in started to its landing page. */
  hops?: Hop[];
  /** Set by analyze(): IdP error pages among the flow's exchanges (its messages' answers and its hops). */
  errorPages?: ErrorPageSighting[];
}

/** One SAML sign-in (or sign-out): AuthnRequest ↔ Response, LogoutRequest ↔ LogoutResponse. */
export interface SamlFlow extends FlowBase {
  protocol: 'saml';
  /** HTTP status of the exchange that carried the Response to the ACS. */
  acsStatus?: number;
  acsUrl?: string;
  relayState?: string;
  /** The Response answered no captured AuthnRequest. */
  unsolicited: boolean;
}

/** Every flow any protocol builds; views switch on `protocol` once. */
export type Flow = SamlFlow;
