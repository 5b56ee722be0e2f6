import type { Flow } from '../utils/flow/types';
import { pickProfile, type ProfileId } from '../utils/profiles';
import type { SamlMessage } from '../utils/saml/types';

export interface FlowProfile {
  id: string;
  label: string;
  /** Why this profile judged the flow. */
  reason: string;
}

/**
 * The service profile that judged a flow, as analyze() chose it: the one given on the command line, else the one
 * its URLs point to. (Kept in one place: when flows record their profile, this reads it from the flow.)
 */
export function flowProfile(flow: Flow, messages: readonly SamlMessage[], chosen: ProfileId | undefined): FlowProfile {
  const urls = messages.flatMap((m) => [m.destination, m.request?.acsUrl, m.url]);
  const profile = pickProfile(urls, chosen);
  const reason = chosen ? 'chosen with --profile' : profile.id === 'generic' ? 'no known service in the URLs' : 'detected from the URLs';
  return { id: profile.id, label: profile.label, reason };
}
