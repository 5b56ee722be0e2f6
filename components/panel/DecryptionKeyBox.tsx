import { useRef, useState } from 'preact/hooks';
import type { SamlMessage } from '@/utils/saml/types';

export interface DecryptionKeyBoxProps {
  message: SamlMessage;
  /** A key is held (the panel's memory). */
  keyGiven: boolean;
  /** A new key, or undefined to forget it. */
  onKey(key: string | undefined): void;
}

const PEM_KEY = /-----BEGIN (?:RSA |ENCRYPTED )?PRIVATE KEY-----[\s\S]+-----END (?:RSA |ENCRYPTED )?PRIVATE KEY-----/;

/**
 * An encrypted assertion is judged only once decrypted: the admin pastes (or picks) the SP's private key, which
 * stays in this page's memory. It is not written to storage, not put in an export, and is gone when the panel closes.
 */
export function DecryptionKeyBox({ message, keyGiven, onKey }: DecryptionKeyBoxProps) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const picker = useRef<HTMLInputElement>(null);
  const decryption = message.verification?.decryption;
  const keyErrors = (message.verification?.errors ?? []).filter((e) => /decryption key|decrypt/i.test(e));
  const n = message.encryptedAssertions;

  const use = (value: string) => {
    const pem = PEM_KEY.exec(value)?.[0];
    if (!pem) {
      setProblem('That is not a PEM private key: paste the text from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----.');
      return;
    }
    setProblem(undefined);
    setText('');
    onKey(pem);
  };

  return (
    <section class="decryption" aria-labelledby="decryption-title" data-testid="decryption-box">
      <h3 id="decryption-title">
        {n === 1 ? 'Encrypted assertion' : `${n} encrypted assertions`}
      </h3>
      {keyGiven ? (
        <>
          <p role="status" data-testid="decryption-status">
            {decryption
              ? decryption.decrypted
                ? `Decrypted ${decryption.decrypted} of ${decryption.decrypted + decryption.failed} with the pasted key: the findings and attributes judge the decrypted assertion.`
                : `The pasted key did not decrypt it${decryption.detail ? `: ${decryption.detail}` : '.'}`
              : keyErrors.length
                ? `The pasted key cannot be used: ${keyErrors.join('; ')}`
                : 'Decrypting with the pasted key…'}
          </p>
          <p class="hint muted">The key is held in this panel's memory only: never saved, never exported, forgotten when the panel closes.</p>
          <button type="button" data-testid="forget-key" onClick={() => onKey(undefined)}>
            Forget the key
          </button>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            use(text);
          }}
        >
          <p>
            To read and judge it, give the SP's private key (the one whose certificate the IdP encrypts to), in PEM.
          </p>
          <p class="warning-text">
            This is a secret: it stays in this panel's memory only, is never saved or exported, and is forgotten when the
            panel closes. Use a test SP's key where you can.
          </p>
          <label for="decryption-key">SP private key (PEM)</label>
          <textarea
            id="decryption-key"
            data-testid="decryption-key"
            rows={4}
            spellcheck={false}
            autocomplete="off"
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            placeholder="-----BEGIN PRIVATE KEY-----"
          />
          {problem && (
            <p class="error-text" role="alert">
              {problem}
            </p>
          )}
          <div class="row">
            <button type="submit" data-testid="decrypt">
              Decrypt
            </button>
            <button type="button" onClick={() => picker.current?.click()}>
              Choose a key file…
            </button>
            <input
              ref={picker}
              type="file"
              hidden
              accept=".pem,.key,.txt"
              aria-label="Choose the SP private key file"
              data-testid="decryption-key-file"
              onChange={(e) => {
                const el = e.currentTarget as HTMLInputElement;
                const file = el.files?.[0];
                el.value = '';
                if (file) void file.text().then(use);
              }}
            />
          </div>
        </form>
      )}
    </section>
  );
}
