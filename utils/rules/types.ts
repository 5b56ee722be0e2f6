import type { Flow } from '../flow/types';
import type { EnterpriseContext, Profile, ProfileCheck, ProfileReason } from '../profiles/types';
import type { MessageOf, ProtocolId } from '../protocols/types';
import type { Assertion, SamlMessage } from '../saml/types';
import type { NowSource } from './support/judging-time';

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

export interface RuleContext<M = SamlMessage> {
  message: M;
  /** The message's flow and its request (when captured). */
  flow?: Flow;
  request?: M;
  /** The analysis' messages of the same protocol, by key (a rule may look at the flow's other messages). */
  messages: ReadonlyMap<string, M>;
  /** The profile that judges the flow, resolved with the enterprise's settings. */
  profile: Profile;
  /** Why that profile judges the flow. */
  reason: ProfileReason;
  /** The configured enterprise the flow belongs to, when one matched. */
  enterprise?: EnterpriseContext;
  /** SP entity ID given by the user (CLI `--sp-entity-id`), over the one read from the AuthnRequest. */
  spEntityId?: string;
  orgGroups?: OrgGroups[];
  /** "Now" for time rules, in ms since the epoch. */
  now: number;
  /** Where `now` comes from (see judging-time.ts). */
  nowSource: NowSource;
  skewSeconds: number;
  /** Trust material (metadata, certificates) was given: verification results can speak of origin. */
  trustGiven: boolean;
}

// The bare `Rule` of registries and the engine holds any protocol's rule. TypeScript measures `P` as invariant
// (through MessageOf's conditional type), so a default of ProtocolId would refuse Rule<'saml'> in a Rule[].
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Rule<P extends ProtocolId = any> {
  id: string;
  severity: Severity;
  title: string;
  /** One or two sentences for the rule reference: what it means. */
  description: string;
  /** Vendor or spec document that states the requirement. */
  docs: string;
  /** How to fix it in general, for the rule reference (docs/rules.md); a hit may give a more specific fix. */
  fix?: Fix;
  /** The protocols whose messages it checks. */
  protocols: readonly P[];
  /** The message kinds it checks. */
  appliesTo: ReadonlyArray<MessageOf<P>['kind']>;
  /** Rules that need an organization group list stay silent without one (recorded as skipped). */
  needsOrgGroups?: boolean;
  /** The profile check it belongs to: under a profile that does not judge it, the rule is skipped (and recorded). */
  judges?: ProfileCheck;
  check(ctx: RuleContext<MessageOf<P>>): Hit[];
}

export type { Assertion };
