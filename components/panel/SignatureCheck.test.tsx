// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readJwt } from '@/utils/oidc/decode-jwt';
import { entraIdTokenClaims, ISSUER, signingJwks, signJwt } from '../../tests/support/oidc-builder';
import { KeyFetchContext, type KeyFetch } from './key-fetch';
import { SignatureCheck } from './SignatureCheck';

const JWKS_URI = ISSUER.replace('/v2.0', '/discovery/v2.0/keys');

async function token() {
  return readJwt(await signJwt(entraIdTokenClaims()));
}

function paste(text: string) {
  fireEvent.input(screen.getByTestId('jwks-input'), { target: { value: text } });
  fireEvent.click(screen.getByTestId('verify-pasted'));
}

/** The result once it says `text` (or, without it, once it is no longer in progress). */
const result = (text?: string) =>
  waitFor(() => {
    const el = screen.getByTestId('signature-result');
    if (el.dataset.outcome === 'busy' || (text && !el.textContent?.includes(text))) throw new Error(`still ${el.textContent}`);
    return el;
  });

/** A browser that grants (or refuses) the host and serves Entra's discovery document and keys. */
function keyFetch(granted: boolean, jwks: unknown): KeyFetch & { order: string[] } {
  const order: string[] = [];
  const docs: Record<string, unknown> = { [`${ISSUER}/.well-known/openid-configuration`]: { issuer: ISSUER, jwks_uri: JWKS_URI }, [JWKS_URI]: jwks };
  return {
    order,
    requestHostPermission: vi.fn(async (origin: string) => {
      order.push(`permission ${origin}`);
      return granted;
    }),
    fetch: vi.fn(async (url: string) => {
      order.push(`fetch ${url}`);
      return { ok: url in docs, status: url in docs ? 200 : 404, text: async () => JSON.stringify(docs[url]) };
    }),
  };
}

describe('SignatureCheck', () => {
  afterEach(cleanup);

  it('verifies the token with pasted keys, offline', async () => {
    render(<SignatureCheck token={await token()} />);
    paste(JSON.stringify(await signingJwks()));
    const el = await result();
    expect(el.dataset.outcome).toBe('valid');
    expect(el.textContent).toContain('test-key-1');
    // Without the browser's permission API there is nothing to fetch with: only the paste box.
    expect(screen.queryByTestId('fetch-keys')).toBeNull();
  });

  it('says when the pasted keys did not sign it, and what a discovery document is for', async () => {
    render(<SignatureCheck token={await token()} />);
    paste(JSON.stringify({ keys: [{ ...(await signingJwks()).keys[0], kid: 'another' }] }));
    expect((await result()).dataset.outcome).toBe('no-key');
    paste(JSON.stringify({ issuer: ISSUER, jwks_uri: JWKS_URI }));
    expect((await result(JWKS_URI)).dataset.outcome).toBe('problem');
    paste('<html>');
    expect((await result('Not JSON')).dataset.outcome).toBe('problem');
  });

  it("fetches the issuer's keys only after the click and the browser's permission for that host", async () => {
    const browser = keyFetch(true, await signingJwks());
    render(
      <KeyFetchContext.Provider value={browser}>
        <SignatureCheck token={await token()} />
      </KeyFetchContext.Provider>,
    );
    expect(browser.order).toEqual([]);
    fireEvent.click(screen.getByTestId('fetch-keys'));
    expect((await result()).dataset.outcome).toBe('valid');
    expect(browser.order).toEqual([
      'permission https://login.microsoftonline.com/*',
      `fetch ${ISSUER}/.well-known/openid-configuration`,
      `fetch ${JWKS_URI}`,
    ]);
    expect(screen.getByTestId('signature-result').textContent).toContain(JWKS_URI);
  });

  it('fetches nothing when the permission is refused', async () => {
    const browser = keyFetch(false, await signingJwks());
    render(
      <KeyFetchContext.Provider value={browser}>
        <SignatureCheck token={await token()} />
      </KeyFetchContext.Provider>,
    );
    fireEvent.click(screen.getByTestId('fetch-keys'));
    expect((await result()).textContent).toMatch(/not granted: nothing was fetched/);
    expect(browser.fetch).not.toHaveBeenCalled();
  });

  it('says so when the browser has no permission request here, without throwing', async () => {
    const browser = keyFetch(true, await signingJwks());
    browser.requestHostPermission = () => {
      throw new TypeError('browser.permissions is undefined');
    };
    render(
      <KeyFetchContext.Provider value={browser}>
        <SignatureCheck token={await token()} />
      </KeyFetchContext.Provider>,
    );
    fireEvent.click(screen.getByTestId('fetch-keys'));
    expect((await result('refused')).dataset.outcome).toBe('problem');
    expect(browser.fetch).not.toHaveBeenCalled();
  });

  it('offers no check for a token it cannot read', () => {
    const { container } = render(<SignatureCheck token={readJwt('opaque')} />);
    expect(container.textContent).toBe('');
  });
});
