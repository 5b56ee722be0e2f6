import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';
import { escapeHtml, listen, readForm, sendDocument, sendHtml, type RunningServer } from './http-server';

// A real OpenID provider (the npm package oidc-provider, a certified implementation) and a small relying party
// that uses it the way production apps do: state, nonce and PKCE on the way out; the code redeemed server-side
// with a client secret, or an ID token posted back (response_mode=form_post) and verified against the
// provider's JWKS. Both on 127.0.0.1, ports picked by the OS.

export type OidcVariant =
  /** Authorization code + PKCE (S256), the code redeemed by the RP's server. */
  | 'code-pkce'
  /** response_type=id_token, response_mode=form_post: the provider's page posts the ID token to the RP. */
  | 'form-post'
  /** The same code flow without code_challenge: the provider allows it for a confidential client, the rule warns. */
  | 'no-pkce'
  /** response_type=id_token in the fragment (the implicit flow's default): the RP's page posts the fragment back. */
  | 'fragment'
  /** form_post with scope openid only: the ID token has no email claim, which Devolutions Cloud needs. */
  | 'no-email'
  /** prompt=none: the provider cannot sign in without a page (login or consent), so it answers the redirect URI with an error. */
  | 'prompt-none'
  /**
   * form_post through a gateway in front of the provider that cuts long parameter values: the state comes back
   * shortened, so the RP cannot find the sign-in it started.
   */
  | 'state-mismatch'
  /** form_post answered with an ID token of another sign-in (same user and client, another nonce), as a replayed or cached token. */
  | 'nonce-mismatch'
  /** form_post answered with an ID token issued to the staging registration of the app (another client_id). */
  | 'audience-mismatch'
  /** form_post answered by a provider whose clock runs an hour late: the ID token expired before it was sent. */
  | 'id-token-expired'
  /**
   * A single-page app (a public client, PKCE) registered with two redirect URIs: it asks for the code at its own
   * page, then redeems it from the browser naming the other one, and the provider refuses (invalid_grant).
   */
  | 'redirect-uri-mismatch'
  /** The same single-page app redeeming its code at the right redirect URI but with another PKCE verifier: invalid_grant. */
  | 'spa-verifier-mismatch'
  /**
   * form_post asking for the groups scope for a user in more groups than fit in a token: the provider, like Entra
   * ID, sends a reference to them (distributed claims, OIDC Core §5.6.2) instead of the list.
   */
  | 'group-overage';

/** The variants whose form_post answer is altered between the provider and the browser, and how. */
const ALTERED: Partial<Record<OidcVariant, (inputs: Record<string, string>, resign: (change: (p: JWTPayload) => JWTPayload) => Promise<string>) => Promise<void>>> = {
  'state-mismatch': async (inputs) => {
    if (inputs.state) inputs.state = inputs.state.slice(0, 8);
  },
  'nonce-mismatch': async (inputs, resign) => {
    inputs.id_token = await resign((p) => ({ ...p, nonce: b64url(randomBytes(12)) }));
  },
  'audience-mismatch': async (inputs, resign) => {
    inputs.id_token = await resign((p) => ({ ...p, aud: `${CLIENT_ID}-staging`, azp: undefined }));
  },
  'id-token-expired': async (inputs, resign) => {
    inputs.id_token = await resign((p) => ({ ...p, iat: Number(p.iat) - 3600, exp: Number(p.exp) - 3600, ...(p.auth_time ? { auth_time: Number(p.auth_time) - 3600 } : {}) }));
  },
};

export const CLIENT_ID = 'sso-lens-rp';
const SPA_CLIENT_ID = 'sso-lens-spa';
const CLIENT_SECRET = randomBytes(16).toString('hex');

export interface OidcSignInResult {
  /** What the RP's callback decided: the user it signed in, or why it refused. */
  outcome: string;
  status: number;
}

export interface OidcLab {
  issuer: string;
  rp: RunningServer & { callbackUrl: string; spaCallbackUrl: string; loginUrl(variant: OidcVariant): string };
  /** The RP's verdict on each callback, newest last. */
  results: OidcSignInResult[];
  close(): Promise<void>;
}

interface Pending {
  variant: OidcVariant;
  nonce: string;
  verifier?: string;
}

const b64url = (bytes: Buffer) => bytes.toString('base64url');

async function readText(req: AsyncIterable<unknown>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startOidcLab(): Promise<OidcLab> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'sso-lens-e2e', alg: 'RS256', use: 'sig' };
  const results: OidcSignInResult[] = [];
  // The RP must be registered at the provider before either listens: learn the RP's origin first.
  let callbackUrl = '';
  let spaCallbackUrl = '';
  let provider: Provider | undefined;
  const pending = new Map<string, Pending>();

  const rp = await listen((origin) => {
    callbackUrl = `${origin}/callback`;
    spaCallbackUrl = `${origin}/spa/callback`;
    const done = (res: Parameters<typeof sendHtml>[0], status: number, outcome: string) => {
      results.push({ status, outcome });
      sendHtml(res, status, `<h1>${escapeHtml(outcome)}</h1>`);
    };
    return async (req, url, res) => {
      if (!provider) throw new Error('The provider is not up yet');
      const issuer = provider.issuer;
      if (req.method === 'GET' && url.pathname.startsWith('/before-sign-in')) {
        sendHtml(res, 200, '<h1>Relying party</h1>');
        return;
      }
      if (req.method === 'GET' && url.pathname === '/login') {
        const variant = (url.searchParams.get('variant') ?? 'code-pkce') as OidcVariant;
        const state = b64url(randomBytes(12));
        const nonce = b64url(randomBytes(12));
        const auth = new URL(`${issuer}/auth`);
        const spa = variant === 'redirect-uri-mismatch' || variant === 'spa-verifier-mismatch';
        auth.searchParams.set('client_id', spa ? SPA_CLIENT_ID : CLIENT_ID);
        auth.searchParams.set('redirect_uri', spa ? spaCallbackUrl : callbackUrl);
        auth.searchParams.set('scope', variant === 'no-email' ? 'openid' : variant === 'group-overage' ? 'openid email profile groups' : 'openid email profile');
        auth.searchParams.set('state', state);
        auth.searchParams.set('nonce', nonce);
        const entry: Pending = { variant, nonce };
        if (variant === 'form-post' || variant === 'no-email' || variant === 'group-overage' || ALTERED[variant]) {
          auth.searchParams.set('response_type', 'id_token');
          auth.searchParams.set('response_mode', 'form_post');
        } else if (variant === 'fragment') {
          auth.searchParams.set('response_type', 'id_token');
        } else {
          auth.searchParams.set('response_type', 'code');
          if (variant !== 'no-pkce') {
            entry.verifier = b64url(randomBytes(32));
            auth.searchParams.set('code_challenge', b64url(createHash('sha256').update(entry.verifier).digest()));
            auth.searchParams.set('code_challenge_method', 'S256');
          }
          if (variant === 'prompt-none') auth.searchParams.set('prompt', 'none');
        }
        pending.set(state, entry);
        res.writeHead(302, { location: auth.href });
        res.end();
        return;
      }
      if (req.method === 'GET' && url.pathname === '/spa/callback') {
        // The app's own script redeems the code, naming the app's other registered redirect URI (the bug), or with
        // the verifier of another sign-in.
        const started = pending.get(url.searchParams.get('state') ?? '');
        const otherVerifier = started?.variant === 'spa-verifier-mismatch';
        const call = {
          token: `${issuer}/token`,
          body: {
            grant_type: 'authorization_code',
            client_id: SPA_CLIENT_ID,
            code: url.searchParams.get('code') ?? '',
            code_verifier: otherVerifier ? b64url(randomBytes(32)) : (started?.verifier ?? ''),
            redirect_uri: otherVerifier ? spaCallbackUrl : callbackUrl,
          },
        };
        sendDocument(
          res,
          200,
          `<!doctype html><html><body><p>Signing in…</p><script>const call = ${JSON.stringify(call).replace(/</g, '\\u003c')}; fetch(call.token, { method: "POST", body: new URLSearchParams(call.body) }).then(async (r) => fetch("/spa/result", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ status: r.status, body: await r.text() }) })).then((r) => r.text()).then((t) => { document.body.textContent = t; });</script></body></html>`,
        );
        return;
      }
      if (req.method === 'POST' && url.pathname === '/spa/result') {
        const answer = JSON.parse(await readText(req)) as { status: number; body: string };
        const body = JSON.parse(answer.body || '{}') as { id_token?: string; error?: string };
        return body.id_token ? done(res, 200, 'Signed in') : done(res, 401, `Token endpoint refused: ${body.error ?? answer.status}`);
      }
      if (url.pathname === '/callback' && req.method === 'GET' && !url.search) {
        // A fragment never reaches the server: the page hands it to the RP's API, as a single-page app does.
        sendDocument(
          res,
          200,
          '<!doctype html><html><body><p>Signing in…</p><script>fetch("/callback-fragment", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(Object.fromEntries(new URLSearchParams(location.hash.slice(1)))) }).then((r) => r.text()).then((t) => { document.body.textContent = t; });</script></body></html>',
        );
        return;
      }
      const fragment = url.pathname === '/callback-fragment' && req.method === 'POST';
      if (fragment || (url.pathname === '/callback' && (req.method === 'GET' || req.method === 'POST'))) {
        const params = fragment ? new URLSearchParams(JSON.parse(await readText(req)) as Record<string, string>) : req.method === 'POST' ? await readForm(req) : url.searchParams;
        const entry = pending.get(params.get('state') ?? '');
        if (!entry) return done(res, 400, 'Unknown state');
        pending.delete(params.get('state')!);
        const error = params.get('error');
        if (error) return done(res, 401, `Provider error: ${error}`);
        const jwks = createRemoteJWKSet(new URL(`${issuer}/jwks`));
        let idToken = params.get('id_token') ?? '';
        if (!idToken) {
          const token = await fetch(`${issuer}/token`, {
            method: 'POST',
            headers: { authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ grant_type: 'authorization_code', code: params.get('code') ?? '', redirect_uri: callbackUrl, ...(entry.verifier ? { code_verifier: entry.verifier } : {}) }),
          });
          const body = (await token.json()) as { id_token?: string; error?: string };
          if (!body.id_token) return done(res, 401, `Token endpoint refused: ${body.error ?? token.status}`);
          idToken = body.id_token;
        }
        let payload: JWTPayload;
        try {
          ({ payload } = await jwtVerify(idToken, jwks, { issuer, audience: CLIENT_ID }));
        } catch (error) {
          return done(res, 401, `ID token refused: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (payload.nonce !== entry.nonce) return done(res, 401, 'Nonce mismatch');
        return done(res, 200, `Signed in as ${String(payload.sub)}`);
      }
      sendHtml(res, 404, 'Not found');
    };
  });

  let server: RunningServer;
  try {
    server = await listen((origin) => {
      const configuration: Configuration = {
        clients: [
          {
            client_id: CLIENT_ID,
            client_secret: CLIENT_SECRET,
            // Native: the provider accepts http loopback redirect URIs for it, implicit (form_post id_token) included.
            application_type: 'native',
            redirect_uris: [callbackUrl],
            response_types: ['code', 'id_token'],
            grant_types: ['authorization_code', 'implicit'],
            token_endpoint_auth_method: 'client_secret_basic',
          },
          {
            client_id: SPA_CLIENT_ID,
            application_type: 'native',
            redirect_uris: [callbackUrl, spaCallbackUrl],
            response_types: ['code'],
            grant_types: ['authorization_code'],
            // Public: the browser calls the token endpoint (CORS is allowed for its redirect URIs' origin).
            token_endpoint_auth_method: 'none',
          },
        ],
        jwks: { keys: [signingKey] },
        // Fixed lifetimes (the provider asks for them) keep its notices out of the test output.
        ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
        cookies: { keys: [randomBytes(16).toString('hex')] },
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
        // A confidential client may skip PKCE here, so the e2e can show the rule that warns about it.
        pkce: { required: () => false },
        async findAccount(_ctx, sub) {
          // The user is in too many groups for a token: only asked for with the groups scope, they come as a reference.
          const overage = { _claim_names: { groups: 'src1' }, _claim_sources: { src1: { endpoint: `${origin}/accounts/${sub}/groups` } } };
          return { accountId: sub, claims: () => ({ sub, email: `${sub}@example.test`, email_verified: true, name: `User ${sub}`, ...overage }) };
        },
        // Consent is given once for all: the sign-in is one login form, as with a provider that pre-approves the app.
        async loadExistingGrant(ctx) {
          const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
          if (grantId) return ctx.oidc.provider.Grant.find(grantId);
          const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
          grant.addOIDCScope('openid email profile groups');
          await grant.save();
          return grant;
        },
      };
      provider = new Provider(origin, configuration);
      const handle = provider.callback();
      return (req, _url, res) => {
        alterFormPost(res, (state) => pending.get(state)?.variant, privateKey);
        handle(req, res);
      };
    });
  } catch (error) {
    await rp.close();
    throw error;
  }
  return {
    issuer: server.origin,
    rp: { ...rp, callbackUrl, spaCallbackUrl, loginUrl: (variant) => `${rp.origin}/login?variant=${variant}` },
    results,
    close: async () => {
      await Promise.allSettled([rp.close(), server.close()]);
    },
  };
}

/**
 * Rewrites the provider's form_post page on its way to the browser for the variants in ALTERED: the page, its
 * hidden inputs and the posted values stay what a browser gets from a real (misbehaving) setup. Re-signed tokens
 * use the provider's own key.
 */
function alterFormPost(res: ServerResponse, variantOf: (state: string) => OidcVariant | undefined, key: CryptoKey): void {
  const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    const html = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : '';
    if (rest.length || !html.includes('<title>Submitting Callback</title>')) return (end as (...a: unknown[]) => ServerResponse)(chunk, ...rest);
    const inputs: Record<string, string> = {};
    for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)) inputs[name!] = value!;
    const alter = ALTERED[variantOf(inputs.state ?? '') ?? 'code-pkce'];
    if (!alter) return end(chunk);
    const resign = async (change: (p: JWTPayload) => JWTPayload) => {
      const token = inputs.id_token ?? '';
      return new SignJWT(change(decodeJwt(token))).setProtectedHeader(decodeProtectedHeader(token) as { alg: string }).sign(key);
    };
    void alter(inputs, resign).then(() => {
      let out = html;
      for (const [name, value] of Object.entries(inputs)) out = out.replace(new RegExp(`(name="${name}" value=")[^"]*"`), `$1${value}"`);
      if (!res.headersSent) res.setHeader('content-length', Buffer.byteLength(out));
      end(out);
    });
    return res;
  }) as typeof res.end;
}
