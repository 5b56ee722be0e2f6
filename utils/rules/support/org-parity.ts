import { parityForAssertion, type ParityResult } from '../../groups/parity';
import { readGroupClaim, type GroupClaim } from './group-claim';
import type { RuleContext } from '../types';

type Parity = { claim: GroupClaim & { attribute: NonNullable<GroupClaim['attribute']> }; parity: ParityResult };

// Four parity rules compare the same values with the same lists: once per rule context, as for the claim.
const parities = new WeakMap<RuleContext, { claim: GroupClaim | undefined; orgGroups: RuleContext['orgGroups']; read: Parity | undefined }>();

/** A Response's group values against the cached organization group lists, for the parity rules. Read-only. */
export function readParity(ctx: RuleContext): Parity | undefined {
  const claim = readGroupClaim(ctx);
  const memo = parities.get(ctx);
  if (memo && memo.claim === claim && memo.orgGroups === ctx.orgGroups) return memo.read;
  const read =
    !claim?.attribute || !claim.values.length || !ctx.orgGroups?.length
      ? undefined
      : { claim: { ...claim, attribute: claim.attribute }, parity: parityForAssertion(claim.values, ctx.orgGroups) };
  parities.set(ctx, { claim, orgGroups: ctx.orgGroups, read });
  return read;
}

/** "acme (12 groups), beta (3 groups)": what the values were compared with. */
export function describeOrgs(ctx: RuleContext): string {
  return (ctx.orgGroups ?? []).map((o) => `${o.organization} (${o.groups.length} groups)`).join(', ');
}
