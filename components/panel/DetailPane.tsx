import { useMemo } from 'preact/hooks';
import type { PanelState } from '@/utils/panel/panel-state';
import { profileById, resolveProfile } from '@/utils/profiles';
import type { Finding } from '@/utils/rules/types';
import type { Message } from '@/utils/protocols/types';
import { MessageDetail } from './MessageDetail';

const NO_FINDINGS: readonly Finding[] = [];

export interface DetailPaneProps {
  message: Message;
  state: Pick<PanelState, 'analysis' | 'analyzedExchanges' | 'analyzedDropped' | 'seen' | 'findingsByKey' | 'orgGroups' | 'profile' | 'enterprises' | 'decryptionKey'>;
  onOpen(key: string): void;
  onClose(): void;
  saveFile(name: string, text: string): void;
  /** The admin pasted the SP's key (kept in the panel's memory only). */
  onDecryptionKey(key: string | undefined): void;
}

/** The open message's detail with what it needs from the panel's state (its flow, the profile it was judged by). */
export function DetailPane({ message, state, onOpen, onClose, saveFile, onDecryptionKey }: DetailPaneProps) {
  const flow = state.analysis.flows.find((f) => f.messageKeys.includes(message.key));
  // The profile the engine judged the open message's flow by, with its enterprise's settings (group attribute
  // names, SCIM): what the Attributes tab's group matching must follow.
  const profile = useMemo(() => {
    const definition = profileById(flow?.profile ?? state.profile ?? 'generic') ?? profileById('generic')!;
    const enterprise = flow?.reason?.enterpriseId ? state.enterprises?.find((e) => e.id === flow.reason!.enterpriseId) : undefined;
    return resolveProfile(definition, enterprise);
  }, [message, state.analysis, state.profile, state.enterprises]);
  return (
    <MessageDetail
      message={message}
      findings={state.findingsByKey.get(message.key) ?? NO_FINDINGS}
      messages={state.analysis.messages}
      entry={state.analyzedExchanges[message.exchangeIndex - state.analyzedDropped]?.entry}
      requests={state.seen}
      flow={flow}
      groupAttributes={profile.attributes.groups}
      scim={profile.provisioning === 'scim'}
      orgGroups={state.orgGroups}
      onOpen={onOpen}
      onClose={onClose}
      saveFile={saveFile}
      decryptionKeyGiven={!!state.decryptionKey}
      onDecryptionKey={onDecryptionKey}
    />
  );
}
