import { saml } from '../saml/protocol';
import type { Protocol, ProtocolId } from './types';

/**
 * Every protocol the engine reads, in the order their messages of one exchange are listed. A new one is one line
 * here and one in detectors.ts.
 */
export const PROTOCOLS: readonly Protocol[] = [saml];

export function protocolById(id: ProtocolId): Protocol | undefined {
  return PROTOCOLS.find((p) => p.id === id);
}
