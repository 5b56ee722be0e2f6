import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { SigningCredentials } from './certificate';
import { escapeHtml, listen, readForm, sendDocument, sendHtml, type Handler, type RunningServer } from './http-server';
import type { AttributeValues, Variant } from './variants';

// The IdP side is Auth0's `samlp` (and the `saml` library it signs assertions with): real signed SAML,
// produced by code nobody here wrote. This file only routes HTTP to it.
const require = createRequire(import.meta.url);

interface SamlpRequestData {
  id?: string;
  issuer?: string;
  assertionConsumerServiceURL?: string;
}

interface SamlpApi {
  parseRequest(
    req: { query: Record<string, string> },
    callback: (error: Error | null, data?: SamlpRequestData) => void,
  ): void;
  getSamlResponse(
    config: Record<string, unknown>,
    user: Variant,
    callback: (error: Error | null, response?: string) => void,
  ): void;
}

interface ProfileMap {
  getClaims(): Record<string, AttributeValues>;
  getNameIdentifier(): { nameIdentifier: string };
}

const samlp = require('samlp') as SamlpApi;
const samlpTemplates = require('samlp/lib/templates') as {
  form(data: { type: string; callback: string; RelayState: string; token: string }): string;
};
// `saml` reads the time through moment; moment lets the clock be replaced (moment.now), which is how
// the IdP produces expired and not-yet-valid assertions without touching the machine's clock.
const moment = createRequire(require.resolve('saml'))('moment') as { now: () => number };

export interface ServiceProviderRegistration {
  entityId: string;
  acsUrl: string;
}

export interface LocalIdp extends RunningServer {
  entityId: string;
  ssoUrl: string;
  /** Starts an unsolicited (IdP-initiated) sign-in to the registered SP. */
  idpInitiatedUrl: string;
  registerServiceProvider(sp: ServiceProviderRegistration): void;
}

interface SigningContext {
  entityId: string;
  credentials: SigningCredentials;
  sp: ServiceProviderRegistration;
  variant: Variant;
  /** The SP's encryption certificate (PEM) and its public key: the assertion is encrypted to it. */
  encryptTo?: { cert: string; publicKey: string };
}

function signResponse(ctx: SigningContext, inResponseTo: string | undefined): Promise<string> {
  const shiftMs = (ctx.variant.clockShiftSeconds ?? 0) * 1000;
  const originalNow = moment.now;
  moment.now = () => Date.now() + shiftMs;
  return new Promise<string>((resolve, reject) => {
    samlp.getSamlResponse(
      {
        issuer: ctx.entityId,
        cert: ctx.credentials.cert,
        key: ctx.credentials.key,
        audience: ctx.sp.entityId,
        recipient: ctx.sp.acsUrl,
        destination: ctx.sp.acsUrl,
        inResponseTo,
        lifetimeInSeconds: 3600,
        signResponse: true,
        signatureAlgorithm: 'rsa-sha256',
        digestAlgorithm: 'sha256',
        nameIdentifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
        // `saml` encrypts with AES-256-GCM and RSA-OAEP, as Entra and Okta do by default.
        ...(ctx.encryptTo ? { encryptionCert: ctx.encryptTo.cert, encryptionPublicKey: ctx.encryptTo.publicKey } : {}),
        profileMapper: (user: Variant): ProfileMap => ({
          getClaims: () => user.attributes,
          getNameIdentifier: () => ({ nameIdentifier: user.nameId }),
        }),
      },
      ctx.variant,
      (error, response) => (error || !response ? reject(error ?? new Error('No SAML response')) : resolve(response)),
    );
  }).finally(() => {
    moment.now = originalNow;
  });
}

/** The auto-submitting HTTP-POST binding page, as samlp renders it. */
async function postToAcs(ctx: SigningContext, inResponseTo: string | undefined, relayState: string): Promise<string> {
  return samlpTemplates.form({
    type: 'SAMLResponse',
    callback: ctx.sp.acsUrl,
    RelayState: relayState,
    token: Buffer.from(await signResponse(ctx, inResponseTo)).toString('base64'),
  });
}

function parseAuthnRequest(samlRequest: string): Promise<SamlpRequestData> {
  return new Promise<SamlpRequestData>((resolve, reject) =>
    samlp.parseRequest({ query: { SAMLRequest: samlRequest } }, (error, data) =>
      error || !data ? reject(error ?? new Error('Unreadable AuthnRequest')) : resolve(data),
    ),
  );
}

export async function startIdp(options: {
  /** Read at each sign-in, so a test can rotate the IdP's key between two. */
  credentials: () => SigningCredentials;
  /** Read at each sign-in, so one IdP serves every variant. */
  variant: () => Variant;
  /** Read at each sign-in: when set, assertions are encrypted to this SP certificate. */
  encryptTo?: () => { cert: string; publicKey: string } | undefined;
}): Promise<LocalIdp> {
  let sp: ServiceProviderRegistration | undefined;
  // Like a production IdP, the AuthnRequest waits server-side while the user signs in: the login form
  // carries only a handle, so the browser sends the SAMLRequest once (a second copy would read as a
  // second sign-in in any capture).
  const pending = new Map<string, { request: SamlpRequestData; relayState: string }>();

  const routes =
    (origin: string): Handler =>
    async (req, url, res) => {
      const signing = (): SigningContext => {
        if (!sp) throw new Error('No service provider registered with the IdP');
        const encryptTo = options.encryptTo?.();
        return { entityId: `${origin}/metadata`, credentials: options.credentials(), sp, variant: options.variant(), ...(encryptTo ? { encryptTo } : {}) };
      };
      if (req.method === 'GET' && url.pathname === '/sso') {
        // HTTP-Redirect binding: show the sign-in form, carrying the request on to the POST below.
        const samlRequest = url.searchParams.get('SAMLRequest');
        if (!samlRequest) return sendHtml(res, 400, '<p>Missing SAMLRequest</p>');
        const request = await parseAuthnRequest(samlRequest);
        const handle = randomUUID();
        pending.set(handle, { request, relayState: url.searchParams.get('RelayState') ?? '' });
        return sendHtml(
          res,
          200,
          `<h1>Local IdP</h1><p>Sign in to ${escapeHtml(request.issuer ?? 'the application')}</p>
           <form method="post" action="/sso">
             <input type="hidden" name="handle" value="${handle}">
             <button type="submit" id="sign-in">Sign in</button>
           </form>`,
        );
      }
      if (req.method === 'POST' && url.pathname === '/sso') {
        const handle = (await readForm(req)).get('handle') ?? '';
        const signIn = pending.get(handle);
        if (!signIn) return sendHtml(res, 400, '<p>This sign-in has expired: start again from the application.</p>');
        pending.delete(handle);
        const { request, relayState } = signIn;
        const ctx = signing();
        // A real IdP posts only to the ACS registered for the SP, whatever the request asks.
        if (request.assertionConsumerServiceURL && request.assertionConsumerServiceURL !== ctx.sp.acsUrl) {
          return sendHtml(res, 400, '<p>Unknown AssertionConsumerServiceURL</p>');
        }
        return sendDocument(res, 200, await postToAcs(ctx, request.id, relayState));
      }
      if (req.method === 'GET' && url.pathname === '/idp-initiated') {
        return sendDocument(res, 200, await postToAcs(signing(), undefined, ''));
      }
      sendHtml(res, 404, '<p>Not found</p>');
    };
  const server = await listen(routes);

  return {
    ...server,
    entityId: `${server.origin}/metadata`,
    ssoUrl: `${server.origin}/sso`,
    idpInitiatedUrl: `${server.origin}/idp-initiated`,
    registerServiceProvider: (registration) => {
      sp = registration;
    },
  };
}
