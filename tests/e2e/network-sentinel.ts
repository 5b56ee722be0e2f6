import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface NetworkSentinel {
  /** Give the browser this as its proxy: every request that would leave the browser comes here. */
  proxyUrl: string;
  /** What reached the sentinel: `GET http://host/path` or `CONNECT host:443`. */
  heard: string[];
  close(): Promise<void>;
}

/**
 * A proxy that forwards nothing: it writes down each request the browser tries to send and answers it empty.
 * Unlike page and worker events, it hears the browser from its first second, before any test code runs, and
 * in both browsers. `tunnels` (host → local port) lets HTTPS to those hosts through to local stand-ins.
 */
export async function startNetworkSentinel(tunnels: Record<string, number> = {}): Promise<NetworkSentinel> {
  const heard: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    heard.push(`${req.method} ${req.url}`);
    // No content, rather than an error status: the test's own probes then leave no console error behind.
    res.writeHead(204);
    res.end();
  });
  server.on('connect', (req, socket: Socket) => {
    heard.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? '').split(':');
    const local = host !== undefined && port === '443' ? tunnels[host] : undefined;
    if (local === undefined) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(local, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    for (const s of [socket, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
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
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
