import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { escapeHtml, listen, readForm, sendHtml, type Handler, type RunningServer } from './http-server';

// The SP is @node-saml/node-saml (the library behind passport-saml): it builds the AuthnRequest and
// validates the signed Response the way a production SP would.

export interface LocalSp extends RunningServer {
  entityId: string;
  acsUrl: string;
  loginUrl: string;
}

export async function startSp(options: {
  idp: { ssoUrl: string; cert: string };
  /** Read at each POST to the ACS: a status to answer with after validating (e.g. 403), if any. */
  acsStatus: () => number | undefined;
  /** Read at each POST to the ACS: whether the SP loses the session it opens (its landing page signs in again). */
  loop?: () => boolean;
  /** The SP's private key for encrypted assertions (PEM). */
  decryptionKey?: string;
}): Promise<LocalSp> {
  const routes = (origin: string): Handler => {
    const saml = new SAML({
      entryPoint: options.idp.ssoUrl,
      issuer: `${origin}/metadata`,
      callbackUrl: `${origin}/acs`,
      audience: `${origin}/metadata`,
      idpCert: options.idp.cert,
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: true,
      validateInResponseTo: ValidateInResponseTo.ifPresent,
      acceptedClockSkewMs: 0,
      ...(options.decryptionKey ? { decryptionPvk: options.decryptionKey } : {}),
    });
    return async (req, url, res) => {
      if (req.method === 'GET' && url.pathname === '/login') {
        // HTTP-Redirect binding: the AuthnRequest travels deflated in the query string.
        const location = await saml.getAuthorizeUrlAsync('/dashboard', undefined, {});
        res.writeHead(302, { location });
        res.end();
        return;
      }
      if (req.method === 'POST' && url.pathname === '/acs') {
        const form = await readForm(req);
        let nameId: string;
        try {
          const { profile } = await saml.validatePostResponseAsync({
            SAMLResponse: form.get('SAMLResponse') ?? '',
            RelayState: form.get('RelayState') ?? '',
          });
          nameId = profile?.nameID ?? '(no NameID)';
        } catch (error) {
          return sendHtml(res, 401, `<h1>Sign-in rejected</h1><p>${escapeHtml(String(error))}</p>`);
        }
        const forced = options.acsStatus();
        if (forced) return sendHtml(res, forced, `<h1>HTTP ${forced}</h1>`);
        if (options.loop?.()) {
          // A session cookie the browser never sends back: the landing page finds no session and starts over.
          res.writeHead(302, { location: '/dashboard?session=lost' });
          res.end();
          return;
        }
        return sendHtml(res, 200, `<h1 id="signed-in">Signed in as ${escapeHtml(nameId)}</h1>`);
      }
      if (req.method === 'GET' && url.pathname === '/dashboard' && url.searchParams.get('session') === 'lost') {
        res.writeHead(302, { location: '/login' });
        res.end();
        return;
      }
      sendHtml(res, 404, '<p>Not found</p>');
    };
  };
  const server = await listen(routes);
  return {
    ...server,
    entityId: `${server.origin}/metadata`,
    acsUrl: `${server.origin}/acs`,
    loginUrl: `${server.origin}/login`,
  };
}
