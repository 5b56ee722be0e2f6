import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, url: URL, res: ServerResponse) => Promise<void> | void;

export interface RunningServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1 and a free port the OS picks, so parallel runs never collide. The handler is
 * made once the origin is known, since SAML endpoints must name their own URLs.
 */
export async function listen(makeHandler: (origin: string) => Handler): Promise<RunningServer> {
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const handle = makeHandler(origin);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', origin);
    Promise.resolve(handle(req, url, res)).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`Server error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  return {
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // A browser may keep sockets alive: drop them so close() returns at once.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Sends a whole HTML document as is. */
export function sendDocument(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
}

/** Wraps a body fragment in a minimal page. */
export function sendHtml(res: ServerResponse, status: number, body: string): void {
  sendDocument(res, status, `<!doctype html><html><head><meta charset="utf-8"><title>e2e</title></head><body>${body}</body></html>`);
}
