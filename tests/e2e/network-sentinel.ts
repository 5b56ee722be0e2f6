import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface NetworkSentinel {
  /** Give Chromium this as --proxy-server: every request that would leave the browser comes here. */
  proxyUrl: string;
  /** What reached the sentinel: `GET http://host/path` or `CONNECT host:443`. */
  heard: string[];
  close(): Promise<void>;
}

/**
 * A proxy that forwards nothing: it writes down each request the browser tries to send and refuses it.
 * Unlike page and worker events, it hears the browser from its first second, before any test code runs.
 */
export async function startNetworkSentinel(): Promise<NetworkSentinel> {
  const heard: string[] = [];
  const server: Server = createServer((req, res) => {
    heard.push(`${req.method} ${req.url}`);
    res.writeHead(403, { 'content-type': 'text/plain' });
    res.end('Refused by the test network sentinel');
  });
  server.on('connect', (req, socket) => {
    heard.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    proxyUrl: `http://127.0.0.1:${port}`,
    heard,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
