import { skipUnchanged } from './skip-unchanged';
import type { Flow } from '@/utils/flow/types';
import type { HarEntry } from '@/utils/har/types';
import type { Message } from '@/utils/protocols/types';
import type { SeenRequest } from '@/utils/panel/seen-requests';
import { hasErrors } from '@/utils/panel/panel-state';
import type { Finding, OrgGroups } from '@/utils/rules/types';
import type { SamlMessage } from '@/utils/saml/types';
import { AttributesTab } from './AttributesTab';
import type { CertificateTabProps } from './CertificateTab';
import { LazyView } from './lazy-view';
import { DecryptionKeyBox } from './DecryptionKeyBox';
import { FindingsTab } from './FindingsTab';
import { idpOf } from '@/utils/rules/support/attribute-lookup';
import { DetailTabs } from './DetailTabs';
import { HttpTab } from './HttpTab';
import { JudgedBy, profileSkipped } from './JudgedBy';
import { OidcDetail } from './OidcDetail';
import { saveTextFile } from './save-file';
import { SeverityBadge } from './SeverityBadge';
import { SummaryTab } from './SummaryTab';
import { TraceTab } from './TraceTab';
import { XmlTab } from './XmlTab';
import { worstSeverity } from '@/utils/rules/support/severity';

export type DetailTab = 'findings' | 'summary' | 'attributes' | 'certificate' | 'xml' | 'http' | 'trace';
const TAB_LABEL: Record<DetailTab, string> = { findings: 'Findings', summary: 'Summary', attributes: 'Attributes', certificate: 'Certificate', xml: 'XML', http: 'HTTP', trace: 'Trace' };

export interface MessageDetailProps {
  message: Message;
  findings: readonly Finding[];
  messages: readonly Message[];
  entry: HarEntry | undefined;
  groupAttributes: readonly string[];
  /** Group memberships come from SCIM, not from the assertion. */
  scim?: boolean;
  orgGroups?: readonly OrgGroups[];
  /** Every request the panel saw (the Trace tab's list of all requests). */
  requests?: readonly SeenRequest[];
  /** The message's flow: its Trace tab shows the steps around the messages. */
  flow?: Flow;
  onOpen(key: string): void;
  onClose(): void;
  /** Downloads a file the admin asked for (a certificate's PEM). */
  saveFile?(name: string, text: string, type?: string): void;
  /** The panel holds an SP private key (memory only). */
  decryptionKeyGiven?: boolean;
  /** Gives the panel an SP private key to decrypt with, or forgets it (undefined). */
  onDecryptionKey?(key: string | undefined): void;
}

/** Findings lead when something is wrong; otherwise the summary does. */
export function tabOrder(findings: readonly Finding[], withTrace = false, withCertificate = false): DetailTab[] {
  const order: DetailTab[] = hasErrors(findings) ? ['findings', 'summary', 'attributes'] : ['summary', 'findings', 'attributes'];
  if (withCertificate) order.push('certificate');
  order.push('xml', 'http');
  return withTrace ? [...order, 'trace'] : order;
}

const loadCertificateTab = () => import('./CertificateTab').then((m) => m.CertificateTab);

/** A signature that carries its certificate (cheap: the view itself reads it with the on-demand crypto code). */
const carriesCertificate = (m: SamlMessage) => !!m.xml?.includes('X509Certificate>');

/** Each protocol has its own detail; the list, findings and HTTP views are shared. */
function MessageDetailView(props: MessageDetailProps) {
  const { message } = props;
  if (message.protocol === 'oidc') return <OidcDetail message={message} findings={props.findings} entry={props.entry} flow={props.flow} onClose={props.onClose} />;
  return <SamlDetail {...props} message={message} messages={props.messages.filter((m): m is SamlMessage => m.protocol === 'saml')} allMessages={props.messages} />;
}

function SamlDetail(props: MessageDetailProps & { message: SamlMessage; messages: readonly SamlMessage[]; allMessages: readonly Message[] }) {
  const { message, findings } = props;
  const order = tabOrder(findings, !!props.flow && props.flow.messageKeys.length + (props.flow.hops?.length ?? 0) > 1, carriesCertificate(message));
  return (
    <section class="detail" aria-label={`${message.kind} detail`}>
      <header class="detail-header">
        <SeverityBadge severity={worstSeverity(findings)} partial={profileSkipped(props.flow)} />
        <h2>
          {message.kind} <span class="muted">{message.id ?? ''}</span>
        </h2>
        <button type="button" class="icon" aria-label="Close the detail" title="Close (Esc)" onClick={props.onClose}>
          ×
        </button>
      </header>
      <JudgedBy flow={props.flow} />
      {message.encryptedAssertions > 0 && props.onDecryptionKey && (
        <DecryptionKeyBox message={message} keyGiven={!!props.decryptionKeyGiven} onKey={props.onDecryptionKey} />
      )}
      <DetailTabs order={order} labels={TAB_LABEL} findingsCount={findings.length}>
        {(tab) => (
          <>
            {tab === 'findings' && <FindingsTab findings={findings} idp={idpOf(message, message.assertions[0])} />}
            {tab === 'summary' && <SummaryTab message={message} messages={props.messages} onOpen={props.onOpen} />}
            {tab === 'attributes' && <AttributesTab message={message} groupAttributes={props.groupAttributes} orgGroups={props.orgGroups} scim={props.scim} />}
            {tab === 'certificate' && (
              <LazyView<CertificateTabProps> load={loadCertificateTab} props={{ message, saveFile: props.saveFile ?? saveTextFile }} />
            )}
            {tab === 'xml' && <XmlTab message={message} />}
            {tab === 'http' && <HttpTab message={message} entry={props.entry} />}
            {tab === 'trace' && props.flow && <TraceTab flow={props.flow} messages={messageMap(props.messages)} currentKey={message.key} onOpen={props.onOpen} requests={props.requests} allMessages={messageMap(props.allMessages)} />}
          </>
        )}
      </DetailTabs>
    </section>
  );
}

const maps = new WeakMap<readonly Message[], ReadonlyMap<string, Message>>();
/** The analysis' messages by key, built once per analysis. */
function messageMap(messages: readonly Message[]): ReadonlyMap<string, Message> {
  let map = maps.get(messages);
  if (!map) maps.set(messages, (map = new Map(messages.map((m) => [m.key, m]))));
  return map;
}

/** Re-renders only when what it shows changes (the panel passes stable callbacks; keyed by message). */
export const MessageDetail = skipUnchanged(MessageDetailView);
