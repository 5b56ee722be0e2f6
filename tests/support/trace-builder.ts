// A SAML sign-in as the browser lived it, with the requests around its messages: the service's login redirect,
// the IdP's error page, the ACS's redirect and the landing page. Hostile values can be planted in what the
// reports show of those requests.
import type { HarEntry } from '../../utils/har/types';
import { plainEntry } from './har-builder';
import { signInEntries } from './protocol-builder';

export const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>`|[x](javascript:alert(3))';
/** Okta's JSON error summary ends at a double quote. */
const HOSTILE_WORDS = HOSTILE.replace('"', '');

/** The service's login redirect, the AuthnRequest, Entra's error page, the ACS answering 302, the landing page. */
export function tracedSignIn(o: { hostile?: boolean } = {}): HarEntry[] {
  const [request, response] = signInEntries({ acsStatus: 302 });
  const start = plainEntry(`https://sp.example.com/login?login_hint=jane.doe%40corp.example&return=${o.hostile ? encodeURIComponent(HOSTILE) : '%2Fhome'}`, { time: '2024-01-01T09:59:54.000Z' });
  start.time = 41.6;
  start.response = { status: 302, headers: [{ name: 'Location', value: request!.request.url }] };
  const page = o.hostile
    ? plainEntry('https://acme.okta.com/app/sso/saml', { time: '2024-01-01T09:59:56.000Z' })
    : plainEntry('https://login.microsoftonline.com/tid/saml2?code=0.AXkA-secret-code&client-request-id=1f2e', { time: '2024-01-01T09:59:56.000Z' });
  page.response = o.hostile
    ? { status: 403, headers: [], content: { mimeType: 'application/json', text: JSON.stringify({ errorCode: 'E0000022', errorSummary: HOSTILE_WORDS }) } }
    : { status: 200, headers: [], content: { mimeType: 'text/html; charset=utf-8', text: '<p>AADSTS50105: The signed in user jane.doe@corp.example is not assigned to a role for the application.</p>' } };
  const home = o.hostile ? `https://sp.example.com/home?next=${HOSTILE}` : 'https://sp.example.com/home?session_state=abc123def456';
  response!.response.headers = [{ name: 'Location', value: home }];
  const landing = plainEntry(home, { time: '2024-01-01T10:00:02.500Z' });
  landing.response = { status: 200, headers: [], content: { mimeType: 'text/html', text: '<p>Welcome</p>' } };
  return [start, request!, page, response!, landing];
}

