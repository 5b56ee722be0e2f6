import type { RedactContext } from './context';
import { REDACTED } from './placeholders';
import { isGroupName, isKeptClaim, isTokenName } from './secret-names';
import { redactText, replaceToken } from './redact-text';
import { isUrlLike, redactUrl } from './redact-url';

const MAX_DEPTH = 64;

/**
 * JSON (request bodies, token responses, JWT claims) by key: protocol fields (`iss`, `aud`, `exp`, `scope`…)
 * stay, credentials (`access_token`, `code`, `nonce`…) become token placeholders, group lists stay unless
 * asked, and every other string becomes a placeholder of its shape. Numbers, booleans and null stay.
 */
type KeyPolicy = 'kept' | 'group' | 'token' | 'other';

/** Keys repeat in every element of a large array: their policy (and their own redaction) is worked out once per key. */
const keyPolicies = new Map<string, KeyPolicy>();
/** Keys with nothing to redact in them (no e-mail, no JWT). */
const cleanKeys = new Set<string>();

function keyPolicy(key: string): KeyPolicy {
  let policy = keyPolicies.get(key);
  if (policy === undefined) {
    policy = isKeptClaim(key) ? 'kept' : isGroupName(key) ? 'group' : isTokenName(key) ? 'token' : 'other';
    if (keyPolicies.size > 10_000) keyPolicies.clear();
    keyPolicies.set(key, policy);
  }
  return policy;
}

export function redactJson(value: unknown, key: string | undefined, ctx: RedactContext, depth: number): unknown {
  if (depth > MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((v) => redactJson(v, key, ctx, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k in value as Record<string, unknown>) {
      if (!Object.hasOwn(value, k)) continue;
      let name = k;
      if (!cleanKeys.has(k)) {
        name = redactText(k, ctx);
        if (name === k) {
          if (cleanKeys.size > 10_000) cleanKeys.clear();
          cleanKeys.add(k);
        }
      }
      out[name] = redactJson((value as Record<string, unknown>)[k], k, ctx, depth + 1);
    }
    return out;
  }
  if (typeof value !== 'string' || value === '') return value;
  const policy = key === undefined ? 'other' : keyPolicy(key);
  if (policy === 'kept') return isUrlLike(value) ? redactUrl(value, ctx) : redactText(value, ctx);
  if (policy === 'group') return ctx.options.replaceGroups ? ctx.p.for(value, 'group', 'group') : redactText(value, ctx);
  if (policy === 'token') return replaceToken(value, ctx);
  if (ctx.p.isPlaceholder(value)) return value;
  if (isUrlLike(value)) return redactUrl(value, ctx);
  return ctx.p.for(value, 'value', 'json-value');
}

/** A JSON text redacted, or undefined when it is not JSON. */
export function redactJsonText(text: string, ctx: RedactContext): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  return JSON.stringify(redactJson(parsed, undefined, ctx, 0));
}
