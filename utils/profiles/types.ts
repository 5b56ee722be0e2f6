// A service profile says what a target service (SP) expects of a sign-in, in one file per service
// (DESIGN.md "The service profile is explicit"). Rules read these fields; they never compare profile ids.
import type { Flow } from '../flow/types';
import type { Message } from '../protocols/types';

/** A profile's id: the file's `id` ('sonarqube-cloud', 'generic', …). */
export type ProfileId = string;

/** Attribute names (or claim URIs) accepted for each field the service reads, first match wins. */
export interface AttributeMapping {
  login: string[];
  name: string[];
  email: string[];
  groups: string[];
}

/** Who creates users and sets their group memberships: the sign-in itself (JIT) or SCIM. */
export type Provisioning = 'jit' | 'scim';

export type IdpKind = 'entra' | 'okta' | 'other';

/**
 * One configured enterprise or instance as the engine sees it: where its sign-ins go and what the admin set up.
 * Built from the stored settings by the caller (panel, popup worker) or from CLI flags.
 */
export interface EnterpriseContext {
  id: string;
  name: string;
  /** The profile that judges this enterprise's flows. */
  profile: ProfileId;
  /** Values from the service's SSO setup assistant. */
  sp?: { acsUrl?: string; entityId?: string };
  /** Further URLs of the enterprise (a Devolutions instance URL): a flow that goes there is this enterprise's. */
  urls?: string[];
  /**
   * Sign-in links of the enterprise (SonarQube Cloud's one-click link, query included): a flow that starts at one
   * of them is this enterprise's, though the service's host is shared by every enterprise.
   */
  startUrls?: string[];
  /** The attribute names the admin copied from the service into the IdP. */
  mapping?: Partial<AttributeMapping>;
  provisioning?: Provisioning;
  /** Okta Express Configuration: IdP-initiated sign-in from the Okta dashboard is supported. */
  oktaExpress?: boolean;
  idp?: IdpKind;
}

/** What the service expects: the fields rules read (flattened into the resolved `Profile`). */
export interface ProfileExpects {
  attributes: AttributeMapping;
  /** Attributes the SP requires besides email. */
  requiredAttributes: Array<keyof AttributeMapping>;
  /** The SP accepts only sign-ins it started (no IdP-initiated Responses). */
  spInitiatedOnly: boolean;
  /** Groups are synchronized from the assertion (exact, case-sensitive name; JIT reset). */
  groupSync: boolean;
  /** An organization group that sync never touches. */
  defaultGroup?: string;
  /** The service asks for both the Response and its assertion to be signed. */
  signedResponse: boolean;
  /** The service answers 403 at the ACS when the IdP app has more than one sign-on URL. */
  singleSignOnUrl: boolean;
  provisioning: Provisioning;
  /** The fields whose names the admin gave (enterprise settings or `--mapping`): only those names count. */
  mappedFields?: Array<keyof AttributeMapping>;
  /**
   * A user in no organization of the enterprise cannot sign in (SonarQube Cloud's troubleshooting guide): with JIT
   * provisioning the groups of the assertion are what puts them in one.
   */
  organizationRequired?: boolean;
  oktaExpress: boolean;
  /** SP values the flow should carry (from the enterprise), when known. */
  sp: { acsUrl?: string; entityId?: string };
  /** True when the attribute names came from the admin (enterprise or CLI), not from the profile's defaults. */
  mappingGiven: boolean;
}

/** Groups of rules a profile may leave out; a rule names its group with `Rule.judges`. */
export type ProfileCheck = 'attributes' | 'groups';

/** Why a flow was judged by its profile. */
export interface ProfileReason {
  by: 'chosen' | 'enterprise' | 'service-host' | 'fallback';
  /** A sentence for reports: "the Response goes to sonarcloud.io". */
  detail: string;
  /** The enterprise whose settings matched (`by: 'enterprise'`). */
  enterpriseId?: string;
}

/** What a profile's `matches` sees of a flow. */
export interface FlowFacts {
  flow: Flow;
  messages: readonly Message[];
  /** Every URL the flow's messages go to or name (protocol's `urlsOf`), defined ones only. */
  urls: readonly string[];
}

/** One profile file's export (`defineProfile`). */
export interface ProfileDefinition {
  id: ProfileId;
  label: string;
  /** The service's SSO documentation. */
  docs: string;
  /**
   * Why this profile judges the flow, or undefined when it does not: an enterprise of this profile whose URLs
   * the flow goes to (`by: 'enterprise'` with its id), else the service's own hosts (`by: 'service-host'`).
   */
  matches(flow: FlowFacts, enterprises: readonly EnterpriseContext[]): ProfileReason | undefined;
  /** The service's defaults; an enterprise's settings override them (utils/profiles/resolve-profile.ts). */
  expects: ProfileExpects;
  /** The rule groups it judges; rules of the others are skipped and recorded on the flow. */
  checks: Record<ProfileCheck, boolean>;
}

/** A profile resolved for one flow: its defaults with the enterprise's settings applied. What rules get. */
export interface Profile extends ProfileExpects {
  id: ProfileId;
  label: string;
  docs: string;
  checks: Record<ProfileCheck, boolean>;
}

/** `pickProfile`'s answer for one flow. */
export interface PickedProfile {
  profile: Profile;
  reason: ProfileReason;
  enterprise?: EnterpriseContext;
}
