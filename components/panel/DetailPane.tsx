import { useMemo } from 'preact/hooks';
import type { PanelState } from '@/utils/panel/panel-state';
import { defaultProfile } from '@/utils/profiles';
import type { Finding } from '@/utils/rules/types';
import type { Message } from '@/utils/protocols/types';
import { MessageDetail } from './MessageDetail';

const NO_FINDINGS: readonly Finding[] = [];

export interface DetailPaneProps {
  message: Message;
  state: Pick<PanelState, 'analysis' | 'analyzedExchanges' | 'findingsByKey' | 'orgGroups' | 'profile'>;
  onOpen(key: string): void;
  onClose(): void;
}

/** The open message's detail with what it needs from the panel's state (its flow, the profile's group names). */
export function DetailPane({ message, state, onOpen, onClose }: DetailPaneProps) {
  const flow = state.analysis.flows.find((f) => f.messageKeys.includes(message.key));
  // The profile the engine judged the message's flow by (every flow records it).
  const groupAttributes = useMemo(
    () => defaultProfile(flow?.profile ?? state.profile ?? 'generic').attributes.groups,
    [message, state.analysis, state.profile],
  );
  return (
    <MessageDetail
      message={message}
      findings={state.findingsByKey.get(message.key) ?? NO_FINDINGS}
      messages={state.analysis.messages}
      entry={state.analyzedExchanges[message.exchangeIndex]?.entry}
      flow={flow}
      groupAttributes={groupAttributes}
      orgGroups={state.orgGroups}
      onOpen={onOpen}
      onClose={onClose}
    />
  );
}
