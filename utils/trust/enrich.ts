import { needsCrypto } from '../crypto/needs-crypto';
import { hasIdToken } from '../oidc/id-token-of';
import type { Message } from '../protocols/types';
import type { TrustMaterial } from './types';

// The async step between reading messages and running the rules: signature verification and decryption need
// WebCrypto, which is async. Each step's code is loaded on demand, so the panel's first load never pays for it.

export type EnrichFn = (messages: Message[], trust: TrustMaterial) => Promise<void>;

export interface EnrichStep {
  id: string;
  /** Cheap: does any message need this step (a signature, an EncryptedAssertion with a key given, …)? */
  wanted(messages: readonly Message[], trust: TrustMaterial): boolean;
  /** The step's code, imported on demand: `() => import('../crypto/…').then((m) => m.verifySignatures)`. */
  load(): Promise<EnrichFn>;
}

/**
 * The steps, in order. A step sets top-level fields of the messages (`verification`, or a new `assertions`
 * array); it never changes nested objects, which the read cache shares between analyses.
 */
export const ENRICH_STEPS: EnrichStep[] = [
  {
    id: 'signatures',
    wanted: (messages, trust) => messages.some((m) => needsCrypto(m, trust)),
    load: () => import('../crypto/verify-messages').then((m) => m.verifyMessages),
  },
  {
    id: 'id-token-signatures',
    wanted: (messages, trust) => !!trust.jwks?.length && messages.some(hasIdToken),
    load: () => import('../oidc/verify-id-tokens').then((m) => m.verifyIdTokens),
  },
];

/** True when some step would run: callers show the quick analysis first and the enriched one when it is ready. */
export function enrichWanted(messages: readonly Message[], trust: TrustMaterial = {}, steps: readonly EnrichStep[] = ENRICH_STEPS): boolean {
  return steps.some((step) => step.wanted(messages, trust));
}

/**
 * Adds verification results to `messages` (in place) and returns them. A step that fails is recorded in
 * `verification.errors` of every message it was given, unless `strict` (tests), which rethrows.
 */
export async function enrich(
  messages: Message[],
  trust: TrustMaterial = {},
  options: { strict?: boolean; steps?: readonly EnrichStep[] } = {},
): Promise<Message[]> {
  for (const step of options.steps ?? ENRICH_STEPS) {
    if (!step.wanted(messages, trust)) continue;
    try {
      const run = await step.load();
      await run(messages, trust);
    } catch (e) {
      if (options.strict) throw e;
      const error = `${step.id}: ${(e as Error)?.message ?? String(e)}`;
      for (const m of messages) m.verification = { ...m.verification, errors: [...(m.verification?.errors ?? []), error] };
    }
  }
  return messages;
}
