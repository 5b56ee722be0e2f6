import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createSigningCredentials } from './certificate';

/** The SonarQube Cloud hosts the popup links to (EU and US regions). */
export const SONAR_HOSTS = ['sonarcloud.io', 'sonarqube.us'] as const;

export interface SonarStub {
  /** Host → local port, for startNetworkSentinel: the browser's HTTPS to these hosts reaches the stub. */
  tunnels: Record<string, number>;
  /** Each page asked of the stub, as `https://<Host header><path and query>` (favicons left out). */
  requested: string[];
  close(): Promise<void>;
}

export const STUB_TITLE = 'SonarQube Cloud stub';
const STUB_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>${STUB_TITLE}</title></head><body>stub</body></html>`;

/**
 * A local HTTPS stand-in for SonarQube Cloud, reached through the test proxy (network-sentinel.ts), which
 * refuses every other host: no test reaches the internet, and tabs the add-on opens itself (tabs.create, which
 * automation libraries do not always see) still land here. Its certificate is made for this run; the harness
 * starts both browsers accepting it.
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
  return {
    tunnels: Object.fromEntries(SONAR_HOSTS.map((host) => [host, port])),
    requested,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
