import emailAttributeMissing from './email-attribute-missing';
import entraGroupOverage from './entra-group-overage';
import entraNestedGroups from './entra-nested-groups';
import groupCaseMismatch from './group-case-mismatch';
import groupDomainQualified from './group-domain-qualified';
import groupNotInOrg from './group-not-in-org';
import groupValuesAreObjectIds from './group-values-are-object-ids';
import groupsCommaJoined from './groups-comma-joined';
import groupsMissing from './groups-missing';
import jitMembershipReset from './jit-membership-reset';
import loginAttributeMissing from './login-attribute-missing';
import membersGroupTargeted from './members-group-targeted';
import nameAttributeMissing from './name-attribute-missing';
import noOrgMatch from './no-org-match';
import oktaGroupFilter from './okta-group-filter';
import type { Rule } from './types';

/** Attribute and group rules: what the target service needs from the assertion. */
export const ATTRIBUTE_RULES: readonly Rule[] = [
  emailAttributeMissing,
  loginAttributeMissing,
  nameAttributeMissing,
  groupsMissing,
  entraGroupOverage,
  groupValuesAreObjectIds,
  groupDomainQualified,
  groupsCommaJoined,
  entraNestedGroups,
  oktaGroupFilter,
  jitMembershipReset,
  noOrgMatch,
  groupCaseMismatch,
  groupNotInOrg,
  membersGroupTargeted,
];
