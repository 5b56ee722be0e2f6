import { parityForAssertion, type ParityResult } from '../groups/parity';
import { readGroupClaim, type GroupClaim } from './group-claim';
import type { RuleContext } from './types';

/** A Response's group values against the cached organization group lists, for the parity rules. */
export function readParity(ctx: RuleContext): { claim: GroupClaim & { attribute: NonNullable<GroupClaim['attribute']> }; parity: ParityResult } | undefined {
  const claim = readGroupClaim(ctx);
  if (!claim?.attribute || !claim.values.length || !ctx.orgGroups?.length) return undefined;
  return { claim: { ...claim, attribute: claim.attribute }, parity: parityForAssertion(claim.values, ctx.orgGroups) };
}

/** "acme (12 groups), beta (3 groups)": what the values were compared with. */
export function describeOrgs(ctx: RuleContext): string {
  return (ctx.orgGroups ?? []).map((o) => `${o.organization} (${o.groups.length} groups)`).join(', ');
}
