import { useState } from 'preact/hooks';
import { checkInviteTemplate, DEFAULT_INVITE_TEMPLATE, INVITE_PLACEHOLDERS } from '@/utils/links/invite-message';

interface Props {
  template: string;
  onSave(template: string): void;
}

/** The invite message users get; empty means the built-in text. Give it `key={template}` to reset on outside changes. */
export function InviteTemplateEditor({ template, onSave }: Props) {
  const [text, setText] = useState(template || DEFAULT_INVITE_TEMPLATE);
  const problems = checkInviteTemplate(text);
  const changed = text !== (template || DEFAULT_INVITE_TEMPLATE);
  return (
    <section aria-labelledby="template-title">
      <h2 id="template-title">Invite message (SonarQube Cloud)</h2>
      <p class="hint muted">
        Placeholders: {INVITE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}. The popup's <em>Copy invite message</em>{' '}
        fills them for each enterprise.
      </p>
      <label class="field">
        <span>Template</span>
        <textarea rows={12} value={text} onInput={(e) => setText(e.currentTarget.value)} aria-describedby="template-problems" />
      </label>
      <div id="template-problems">
        {problems.map((p) => (
          <p key={p} class="hint warning-text">
            {p}
          </p>
        ))}
      </div>
      <div class="row">
        <button type="button" class="primary" disabled={!changed} onClick={() => onSave(text === DEFAULT_INVITE_TEMPLATE ? '' : text)}>
          Save template
        </button>
        <button type="button" disabled={text === DEFAULT_INVITE_TEMPLATE} onClick={() => setText(DEFAULT_INVITE_TEMPLATE)}>
          Reset to the default text
        </button>
      </div>
    </section>
  );
}
