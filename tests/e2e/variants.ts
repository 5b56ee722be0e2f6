// What the local IdP (and, for `acs-forbidden`, the SP) can be told to produce. Each variant is a situation
// admins meet in the field; the expected findings for each live in the test that signs in with them.

export type AttributeValues = string | string[];

export interface Variant {
  name: VariantName;
  /** Attribute name → values, in the order the IdP emits them. */
  attributes: Record<string, AttributeValues>;
  /** The NameID. */
  nameId: string;
  /** Shifts the IdP clock used for the assertion's IssueInstant, NotBefore and NotOnOrAfter. */
  clockShiftSeconds?: number;
  /** The IdP posts a Response nobody asked for (no AuthnRequest, no InResponseTo). */
  idpInitiated?: boolean;
  /** The SP's ACS answers with this status after validating the Response. */
  acsStatus?: number;
  /** The SP opens no session: after the ACS its landing page sends the browser to sign in again. */
  loop?: boolean;
}

export type VariantName =
  | 'clean'
  | 'missing-email'
  | 'group-object-ids'
  | 'group-overage'
  | 'expired'
  | 'not-yet-valid'
  | 'idp-initiated'
  | 'acs-forbidden'
  | 'acs-server-error'
  | 'sign-in-loop'
  | 'markup-in-attribute'
  | 'large-response';

/** The markup a hostile or careless IdP admin might put in a display name. */
export const MARKUP_VALUE = '<img src=x onerror=alert(1)>';

const ENTRA_GROUPS = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups';
const ENTRA_GROUPS_LINK = 'http://schemas.microsoft.com/claims/groups.link';

const ada = {
  login: 'ada',
  name: 'Ada Lovelace',
  email: 'ada@example.test',
};
const adaGroups = ['sso-lens-developers', 'sso-lens-admins'];

/** Assertions live an hour (the IdP's lifetime), so two hours back is well past the 300 s skew. */
const TWO_HOURS = 2 * 60 * 60;

export const VARIANTS: Record<VariantName, Variant> = {
  clean: { name: 'clean', nameId: 'ada', attributes: { ...ada, groups: adaGroups } },
  'missing-email': {
    name: 'missing-email',
    nameId: 'ada',
    attributes: { login: ada.login, name: ada.name, groups: adaGroups },
  },
  'group-object-ids': {
    name: 'group-object-ids',
    nameId: 'ada',
    attributes: {
      ...ada,
      [ENTRA_GROUPS]: ['3f2504e0-4f89-41d3-9a0c-0305e82c3301', '9b2f1d6e-7c4a-4e8b-a1d2-5f6e7a8b9c0d'],
    },
  },
  'group-overage': {
    name: 'group-overage',
    nameId: 'ada',
    attributes: {
      ...ada,
      [ENTRA_GROUPS_LINK]:
        'https://graph.windows.net/7a1b2c3d-0000-4000-8000-000000000001/users/ada/getMemberObjects',
    },
  },
  expired: { name: 'expired', nameId: 'ada', attributes: { ...ada, groups: adaGroups }, clockShiftSeconds: -TWO_HOURS },
  'not-yet-valid': {
    name: 'not-yet-valid',
    nameId: 'ada',
    attributes: { ...ada, groups: adaGroups },
    clockShiftSeconds: TWO_HOURS,
  },
  'idp-initiated': { name: 'idp-initiated', nameId: 'ada', attributes: { ...ada, groups: adaGroups }, idpInitiated: true },
  'acs-forbidden': { name: 'acs-forbidden', nameId: 'ada', attributes: { ...ada, groups: adaGroups }, acsStatus: 403 },
  'acs-server-error': { name: 'acs-server-error', nameId: 'ada', attributes: { ...ada, groups: adaGroups }, acsStatus: 500 },
  'sign-in-loop': { name: 'sign-in-loop', nameId: 'ada', attributes: { ...ada, groups: adaGroups }, loop: true },
  'markup-in-attribute': {
    name: 'markup-in-attribute',
    nameId: 'ada',
    attributes: { ...ada, name: MARKUP_VALUE, groups: [MARKUP_VALUE, ...adaGroups] },
  },
  'large-response': {
    name: 'large-response',
    nameId: 'ada',
    // 150 groups make a Response of well over 4 KB: the size where naive body capture starts to cut.
    attributes: {
      ...ada,
      groups: Array.from({ length: 150 }, (_, i) => `sso-lens-team-${String(i + 1).padStart(3, '0')}`),
    },
  },
};
