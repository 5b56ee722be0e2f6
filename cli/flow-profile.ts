import type { Flow } from '../utils/flow/types';
import { profileLabel } from '../utils/profiles/profile-label';

export interface FlowProfile {
  id: string;
  label: string;
  /** Why this profile judged the flow. */
  reason: string;
}

/** The service profile that judged a flow, as analyze() recorded it on the flow. */
export function flowProfile(flow: Flow): FlowProfile {
  const id = flow.profile ?? 'generic';
  return { id, label: profileLabel(id, flow.protocol), reason: flow.reason?.detail ?? 'no reason recorded' };
}
