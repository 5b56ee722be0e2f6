import type { Flow } from '../flow/types';
import type { Assertion, MessageKind, SamlMessage } from '../saml/types';
import type { Profile } from '../profiles/types';
import type { NowSource } from './judging-time';

export type Severity = 'error' | 'warning' | 'info';

/** How to fix a finding, in the IdP's own terms where they differ. */
export interface Fix {
  entra?: string;
  okta?: string;
  generic: string;
}

export interface Evidence {
  /** Where in the message: an element/attribute path such as `Assertion/Conditions/@NotOnOrAfter`. */
  path?: string;
  value?: string;
  [detail: string]: string | undefined;
}

export interface Finding {
  rule: string;
  severity: Severity;
  title: string;
  message: string;
  /** The SAML ID of the message the finding is about, when it has one. */
  messageId?: string;
  /** The engine's key of that message (always set for message findings). */
  messageKey?: string;
  flowId?: string;
  evidence?: Evidence;
  fix?: Fix;
  /** The vendor or spec document that states the requirement. */
  docs: string;
  /** This rule's entry in SSO Lens' rule reference. */
  reference: string;
}

/** What a rule's check returns: the engine adds id, severity, docs and the message it is about. */
export interface Hit {
  message: string;
  evidence?: Evidence;
  fix?: Fix;
  /** Override the rule's default severity (e.g. `response-unsigned` is an error when encrypted). */
  severity?: Severity;
}

/** An organization's group list, as cached or given with `--groups`. */
export interface OrgGroups {
  organization: string;
  groups: Array<{ name: string; isDefault?: boolean; membersCount?: number }>;
}

export interface RuleContext {
  message: SamlMessage;
  /** The message's flow and its AuthnRequest (when captured). */
  flow?: Flow;
  request?: SamlMessage;
  /** Every message of the analysis, by key (a rule may look at the flow's other messages). */
  messages: ReadonlyMap<string, SamlMessage>;
  profile: Profile;
  /** SP entity ID given by the user (CLI `--sp-entity-id`), over the one read from the AuthnRequest. */
  spEntityId?: string;
  orgGroups?: OrgGroups[];
  /** "Now" for time rules, in ms since the epoch. */
  now: number;
  /** Where `now` comes from (see judging-time.ts). */
  nowSource: NowSource;
  skewSeconds: number;
}

export interface Rule {
  id: string;
  severity: Severity;
  title: string;
  /** One or two sentences for the rule reference: what it means. */
  description: string;
  /** Vendor or spec document that states the requirement. */
  docs: string;
  /** How to fix it in general, for the rule reference (docs/rules.md); a hit may give a more specific fix. */
  fix?: Fix;
  appliesTo: MessageKind[];
  /** Rules that need an organization group list stay silent without one. */
  needsOrgGroups?: boolean;
  check(ctx: RuleContext): Hit[];
}

export type { Assertion };
