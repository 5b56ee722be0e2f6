/** One sign-in (or sign-out): the messages that belong together, by key into `messages`. */
export interface Flow {
  id: string;
  kind: 'sign-in' | 'sign-out' | 'other';
  messageKeys: string[];
  requestKey?: string;
  responseKey?: string;
  /** HTTP status of the exchange that carried the Response to the ACS. */
  acsStatus?: number;
  acsUrl?: string;
  relayState?: string;
  startedAt?: string;
  endedAt?: string;
  /** The Response answered no captured AuthnRequest. */
  unsolicited: boolean;
}
