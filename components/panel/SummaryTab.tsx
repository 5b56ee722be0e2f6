import type { ComponentChildren } from 'preact';
import { describeOffset, describeValidity } from '@/utils/panel/time-wording';
import { describeJudgedAt } from '@/utils/rules/support/judging-time';
import type { SamlMessage, SignatureInfo } from '@/utils/saml/types';

export interface SummaryTabProps {
  message: SamlMessage;
  messages: readonly SamlMessage[];
  onOpen(key: string): void;
}

/** "rsa-sha256" from "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"; the full URI stays in the tooltip. */
export function shortAlgorithm(uri: string | undefined): string {
  if (!uri) return 'unknown';
  return uri.slice(uri.lastIndexOf('#') + 1) || uri;
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="summary-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The instant times are judged at, the one the rules used: capture time, evaluation time, IssueInstant or now. */
interface Clock {
  at: number;
  label: string;
}

const CLOCK_LABEL: Record<NonNullable<SamlMessage['judgedAt']>['source'], string> = {
  capture: 'capture',
  option: 'the evaluation time',
  'issue-instant': 'IssueInstant',
  'wall-clock': 'now',
};

function clockOf(m: SamlMessage): Clock {
  const judged = m.judgedAt && Date.parse(m.judgedAt.instant);
  if (m.judgedAt && judged !== undefined && !Number.isNaN(judged)) return { at: judged, label: CLOCK_LABEL[m.judgedAt.source] };
  const captured = m.capturedAt ? Date.parse(m.capturedAt) : NaN;
  return Number.isNaN(captured) ? { at: Date.now(), label: 'now' } : { at: captured, label: 'capture' };
}

function Time({ at, clock }: { at: string | undefined; clock: Clock }) {
  if (!at) return <span class="muted">not given</span>;
  return (
    <span>
      <code>{at}</code> <span class="muted">({describeOffset(at, clock.at, clock.label)})</span>
    </span>
  );
}

function Window({ notBefore, notOnOrAfter, clock }: { notBefore?: string; notOnOrAfter?: string; clock: Clock }) {
  const v = describeValidity({ notBefore, notOnOrAfter }, clock.at);
  return (
    <span>
      {notBefore && (
        <>
          from <code>{notBefore}</code>{' '}
        </>
      )}
      {notOnOrAfter && (
        <>
          until <code>{notOnOrAfter}</code>{' '}
        </>
      )}
      <span class={`validity validity-${v.state}`}>{v.text} {clock.label === 'now' ? 'now' : `at ${clock.label}`}</span>
    </span>
  );
}

function Signature({ sig, what }: { sig: SignatureInfo | undefined; what: string }) {
  if (!sig) return <span class="muted">{what} not signed</span>;
  return (
    <span>
      {what} signed with <code title={sig.signatureMethod}>{shortAlgorithm(sig.signatureMethod)}</code>
      {sig.digestMethods.length > 0 && (
        <>
          , digest{' '}
          {sig.digestMethods.map((d, i) => (
            <code key={i} title={d}>
              {shortAlgorithm(d)}
            </code>
          ))}
        </>
      )}
      {sig.hasCertificate ? ', certificate included' : ', no certificate included'}
    </span>
  );
}

function JumpTo({ target, onOpen, children }: { target: SamlMessage; onOpen(key: string): void; children: ComponentChildren }) {
  return (
    <button type="button" class="link" onClick={() => onOpen(target.key)}>
      {children}
    </button>
  );
}

/** InResponseTo ↔ request: which captured request this message answers, or why none. */
function Answers({ message, messages, onOpen }: SummaryTabProps) {
  const isResponse = message.kind === 'Response' || message.kind === 'LogoutResponse';
  if (isResponse) {
    if (!message.inResponseTo) return <Row label="Answers">no InResponseTo: an IdP-initiated (unsolicited) message</Row>;
    const request = messages.find((m) => m.id === message.inResponseTo && (m.kind === 'AuthnRequest' || m.kind === 'LogoutRequest'));
    return (
      <Row label="InResponseTo">
        <code>{message.inResponseTo}</code>{' '}
        {request ? (
          <JumpTo target={request} onOpen={onOpen}>
            answers the {request.kind} captured at {request.capturedAt ?? 'an unknown time'}
          </JumpTo>
        ) : (
          <span class="validity-expired">matches no captured request</span>
        )}
      </Row>
    );
  }
  if (message.kind === 'AuthnRequest' || message.kind === 'LogoutRequest') {
    const answers = messages.filter((m) => message.id !== undefined && m.inResponseTo === message.id);
    return (
      <Row label="Answered by">
        {answers.length ? (
          answers.map((a) => (
            <JumpTo key={a.key} target={a} onOpen={onOpen}>
              {a.kind} {a.id ?? ''}
            </JumpTo>
          ))
        ) : (
          <span class="muted">no captured answer</span>
        )}
      </Row>
    );
  }
  return null;
}

export function SummaryTab({ message: m, messages, onOpen }: SummaryTabProps) {
  const clock = clockOf(m);
  return (
    <div class="summary">
      <dl>
        <Row label="Kind">
          {m.kind} over HTTP-{m.binding === 'post' ? 'POST' : m.binding === 'redirect' ? 'Redirect' : 'Artifact'}
        </Row>
        {m.problem && (
          <Row label="Problem">
            <span class="validity-expired">{m.problem.detail}</span>
          </Row>
        )}
        {m.id && (
          <Row label="ID">
            <code>{m.id}</code>
          </Row>
        )}
        <Row label="Issuer">{m.issuer ? <code>{m.issuer}</code> : <span class="muted">not given</span>}</Row>
        {m.destination && (
          <Row label="Destination">
            <code>{m.destination}</code>
          </Row>
        )}
        {m.issueInstant && (
          <Row label="IssueInstant">
            <Time at={m.issueInstant} clock={clock} />
          </Row>
        )}
        {m.judgedAt && (
          <Row label="Judged at">
            <span>{describeJudgedAt(m.judgedAt)}</span>
          </Row>
        )}
        <Answers message={m} messages={messages} onOpen={onOpen} />
        {m.status && (
          <Row label="Status">
            <code>{shortStatus(m.status.code)}</code>
            {m.status.subCode && (
              <>
                {' / '}
                <code>{shortStatus(m.status.subCode)}</code>
              </>
            )}
            {m.status.message && <div class="status-message">{m.status.message}</div>}
          </Row>
        )}
        {m.request && (
          <>
            <Row label="ACS URL">{m.request.acsUrl ? <code>{m.request.acsUrl}</code> : <span class="muted">not given (the IdP uses its configured one)</span>}</Row>
            {m.request.protocolBinding && (
              <Row label="ProtocolBinding">
                <code>{m.request.protocolBinding}</code>
              </Row>
            )}
            {m.request.nameIdPolicy?.format && (
              <Row label="NameIDPolicy">
                <code>{m.request.nameIdPolicy.format}</code>
              </Row>
            )}
            {m.request.forceAuthn && <Row label="ForceAuthn">{m.request.forceAuthn}</Row>}
            {m.request.isPassive && <Row label="IsPassive">{m.request.isPassive}</Row>}
          </>
        )}
        {m.redirectSignature && (
          <Row label="Redirect signature">
            {m.redirectSignature.signature ? 'signed' : 'SigAlg without Signature'} with{' '}
            <code title={m.redirectSignature.sigAlg}>{shortAlgorithm(m.redirectSignature.sigAlg)}</code>
          </Row>
        )}
        {(m.kind === 'Response' || m.kind === 'LogoutResponse' || m.kind === 'AuthnRequest' || m.kind === 'LogoutRequest') && !m.redirectSignature && (
          <Row label="Message signature">
            <Signature sig={m.signature} what={m.kind} />
          </Row>
        )}
        {m.logout && (
          <>
            {m.logout.nameId && (
              <Row label="NameID">
                <code>{m.logout.nameId}</code>
              </Row>
            )}
            {m.logout.sessionIndex && (
              <Row label="SessionIndex">
                <code>{m.logout.sessionIndex}</code>
              </Row>
            )}
            {m.logout.reason && <Row label="Reason">{m.logout.reason}</Row>}
          </>
        )}
        {m.artifact && (
          <Row label="Artifact">
            <code>{m.artifact}</code> <span class="muted">(resolved by the SP over a back channel; SSO Lens does not resolve it)</span>
          </Row>
        )}
        {m.relayState !== undefined && (
          <Row label="RelayState">
            <code>{m.relayState}</code>
          </Row>
        )}
        {m.encryptedAssertions > 0 && (
          <Row label="Encrypted">
            {m.encryptedAssertions} encrypted {m.encryptedAssertions === 1 ? 'assertion' : 'assertions'}: only the SP's private key can read
            {m.encryptedAssertions === 1 ? ' it' : ' them'}
          </Row>
        )}
      </dl>
      {m.assertions.map((a, i) => (
        <section key={i} class="assertion-summary">
          <h3>Assertion{m.assertions.length > 1 ? ` ${i + 1}` : ''}</h3>
          <dl>
            <Row label="NameID">
              {a.subject.nameId !== undefined ? <code class="nameid">{a.subject.nameId}</code> : <span class="validity-expired">missing</span>}
              {a.subject.nameIdFormat && <div class="muted">{a.subject.nameIdFormat}</div>}
            </Row>
            <Row label="Audiences">
              {a.conditions?.audiences.length ? (
                a.conditions.audiences.map((aud, j) => (
                  <div key={j}>
                    <code>{aud}</code>
                  </div>
                ))
              ) : (
                <span class="muted">none</span>
              )}
            </Row>
            <Row label="Conditions">
              {a.conditions ? <Window notBefore={a.conditions.notBefore} notOnOrAfter={a.conditions.notOnOrAfter} clock={clock} /> : <span class="muted">none</span>}
            </Row>
            {a.subject.confirmations.map((c, j) => (
              <Row key={j} label="Subject confirmation">
                <div>
                  <code title={c.method}>{c.method?.split(':').pop() ?? 'no method'}</code>
                  {c.recipient && (
                    <>
                      {' '}
                      for <code>{c.recipient}</code>
                    </>
                  )}
                </div>
                {(c.notOnOrAfter || c.notBefore) && <Window notBefore={c.notBefore} notOnOrAfter={c.notOnOrAfter} clock={clock} />}
                {c.inResponseTo && (
                  <div>
                    InResponseTo <code>{c.inResponseTo}</code>
                  </div>
                )}
              </Row>
            ))}
            {a.authn && (
              <Row label="Authentication">
                {a.authn.authnInstant && <Time at={a.authn.authnInstant} clock={clock} />}
                {a.authn.contextClassRef && <div class="muted">{a.authn.contextClassRef}</div>}
                {a.authn.sessionNotOnOrAfter && (
                  <div>
                    session <Window notOnOrAfter={a.authn.sessionNotOnOrAfter} clock={clock} />
                  </div>
                )}
              </Row>
            )}
            <Row label="Assertion signature">
              <Signature sig={a.signature} what="Assertion" />
            </Row>
          </dl>
        </section>
      ))}
    </div>
  );
}

function shortStatus(code: string | undefined): string {
  return code ? code.replace('urn:oasis:names:tc:SAML:2.0:status:', '') : '';
}
