import type { HarEntry } from '../har/types';
import { saml } from '../saml/protocol';
import type { Protocol, ProtocolId } from './types';

/** Every protocol the engine reads, in the order their messages of one exchange are listed. A new one is one line. */
export const PROTOCOLS: readonly Protocol[] = [saml];

export function protocolById(id: ProtocolId): Protocol | undefined {
  return PROTOCOLS.find((p) => p.id === id);
}

/** Does any protocol see one of its messages in this exchange? The cheap test capture keeps exchanges by. */
export function isProtocolExchange(entry: HarEntry): boolean {
  for (const p of PROTOCOLS) if (p.detect(entry)) return true;
  return false;
}
