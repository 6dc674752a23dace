/** Real node:http servers on 127.0.0.1 port 0 for tests. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  readonly url: string;
  readonly port: number;
  /** The node:http server itself (for its events: `upgrade`, `connection`). */
  readonly server: Server;
  /** Requests seen, with their raw bodies. */
  readonly requests: {
    method: string;
    url: string;
    headers: IncomingMessage['headers'];
    body: string;
  }[];
  close(): Promise<void>;
}

export type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
) => void | Promise<void>;

export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      void Promise.resolve(handler(req, res, body)).catch((error: unknown) => {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends JSON with the given status. */
export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

/** A port that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A server that holds each request briefly and records the most it had in flight. */
export async function startCountingServer(): Promise<{
  server: TestServer;
  peak(): number;
  reset(): void;
}> {
  let active = 0;
  let peak = 0;
  const server = await startServer((_req, res) => {
    active++;
    peak = Math.max(peak, active);
    // Held briefly, so that requests an unbounded client sends at once overlap.
    setTimeout(() => {
      active--;
      json(res, 200, { ok: true });
    }, 5);
  });
  return {
    server,
    peak: () => peak,
    reset: () => {
      active = 0;
      peak = 0;
    },
  };
}

/**
 * A reset hook (`--reset-command`, run by `sh`) that POSTs `/revive` to a
 * control server and succeeds on its 200: bash's `/dev/tcp`, not a Node
 * process, so each of a fuzz run's many resets costs milliseconds, not a
 * Node start-up.
 */
export function reviveCommand(control: TestServer): string {
  const request = 'POST /revive HTTP/1.0\\r\\nContent-Length: 0\\r\\n\\r\\n';
  const script = [
    `exec 3<>/dev/tcp/127.0.0.1/${control.port}`,
    `printf "${request}" >&3`,
    'read -r status <&3',
    'case "$status" in *" 200 "*) exit 0;; *) exit 1;; esac',
  ].join(' && ');
  return `bash -c '${script}'`;
}

/**
 * A server answering each path (without its query) with a fixed body and
 * content type (none when undefined); `404` `not found` elsewhere.
 */
export function startRoutesServer(
  routes: Record<string, { readonly body: string | Uint8Array; readonly type: string | undefined }>,
): Promise<TestServer> {
  return startServer((req, res) => {
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (route === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, route.type === undefined ? {} : { 'content-type': route.type });
    res.end(route.body);
  });
}
