import type { HarEntry } from '../har/types';
import { samlDetector } from '../saml/detect';
import type { Detector } from './types';

// The cheap half of each protocol, for capture (panel and background recorder): which exchanges to keep. It
// never decodes nor parses, so the background stays free of the engine (engine-boundaries.test.ts).

/** One line per protocol, beside its line in registry.ts. */
export const DETECTORS: readonly Detector[] = [samlDetector];

/** What any protocol's messages carry in a URL or body: the recorder's byte test before it builds an entry. */
export const MARKERS: readonly string[] = DETECTORS.flatMap((d) => d.markers);

/** Does any protocol see one of its messages in this exchange? The test capture keeps exchanges by. */
export function isProtocolExchange(entry: HarEntry): boolean {
  for (const d of DETECTORS) if (d.detect(entry)) return true;
  return false;
}
