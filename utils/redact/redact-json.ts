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
export function redactJson(value: unknown, key: string | undefined, ctx: RedactContext, depth: number): unknown {
  if (depth > MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((v) => redactJson(v, key, ctx, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[redactText(k, ctx)] = redactJson(v, k, ctx, depth + 1);
    return out;
  }
  if (typeof value !== 'string' || value === '') return value;
  if (key !== undefined) {
    if (isKeptClaim(key)) return isUrlLike(value) ? redactUrl(value, ctx) : redactText(value, ctx);
    if (isGroupName(key)) return ctx.options.replaceGroups ? ctx.p.for(value, 'group', 'group') : redactText(value, ctx);
    if (isTokenName(key)) return replaceToken(value, ctx);
  }
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
