import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';
import { createSigningCredentials } from './certificate';

/** The SonarQube Cloud hosts the popup links to (EU and US regions). */
export const SONAR_HOSTS = ['sonarcloud.io', 'sonarqube.us'] as const;

export interface SonarStub {
  /** Chromium switches that send the SonarQube Cloud hosts here and leave every other name unresolved. */
  browserArgs: string[];
  /** Each page asked of the stub, as `https://<Host header><path and query>` (favicons left out). */
  requested: string[];
  /** Also answers the hosts through context.route, for any request Playwright does see (pages it opened). */
  route(context: BrowserContext): Promise<void>;
  close(): Promise<void>;
}

export const STUB_TITLE = 'SonarQube Cloud stub';
const STUB_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>${STUB_TITLE}</title></head><body>stub</body></html>`;

/**
 * A local HTTPS stand-in for SonarQube Cloud. Tabs an extension opens with tabs.create are not seen by
 * Playwright's context.route (microsoft/playwright#21061: Chromium does not instrument them), so the browser's
 * resolver sends the hosts here instead, and any other name fails to resolve: no test reaches the internet.
 */
export async function startSonarStub(): Promise<SonarStub> {
  const { key, cert } = await createSigningCredentials(SONAR_HOSTS[0]);
  const requested: string[] = [];
  const server: Server = createServer({ key, cert }, (req, res) => {
    if (req.url !== '/favicon.ico') requested.push(`https://${req.headers.host}${req.url}`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(STUB_PAGE);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const rules = [...SONAR_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1'];
  return {
    // The stub's certificate is self-signed for this run: the browser is told to accept it.
    browserArgs: [`--host-resolver-rules=${rules.join(', ')}`, '--ignore-certificate-errors'],
    requested,
    async route(context) {
      for (const host of SONAR_HOSTS) {
        await context.route(`https://${host}/**`, (route) => {
          requested.push(route.request().url());
          return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: STUB_PAGE });
        });
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
