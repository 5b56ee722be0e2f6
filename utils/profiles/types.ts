/** What a target service (SP) expects of the IdP's Response. */
export interface AttributeMapping {
  /** Attribute names (or claim URIs) accepted for each field, first match wins. */
  login: string[];
  name: string[];
  email: string[];
  groups: string[];
}

export interface Profile {
  id: 'sonarqube-cloud' | 'generic';
  label: string;
  attributes: AttributeMapping;
  /** The SP accepts only sign-ins it started (no IdP-initiated Responses). */
  spInitiatedOnly: boolean;
  /** Groups are synchronized from the assertion (exact, case-sensitive name; JIT reset). */
  groupSync: boolean;
  /** An organization group that sync never touches. */
  defaultGroup?: string;
  /** Attributes the SP requires besides email. */
  requiredAttributes: Array<keyof AttributeMapping>;
}
