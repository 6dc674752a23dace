/**
 * A request through the inline proxy that asks to switch protocols
 * (`Upgrade: websocket`, …) is tunnelled to the baseline, never compared:
 * its head is written to a connection of its own (the baseline's host in
 * place of the client's) and the bytes then flow both ways untouched until
 * either side closes. A baseline that cannot be reached is a 502, as for
 * any request.
 */
import type { IncomingMessage } from 'node:http';
import { connect as connectTcp, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as connectTls } from 'node:tls';

const BAD_GATEWAY =
  'HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/plain\r\ncontent-length: 12\r\n\r\nbad gateway\n';

/** The request's head as the baseline takes it: its own host, every other header as sent. */
function headOf(req: IncomingMessage, path: string, host: string): string {
  const lines = [`${req.method ?? 'GET'} ${path} HTTP/1.1`];
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] ?? '';
    if (name.toLowerCase() === 'host') continue;
    lines.push(`${name}: ${raw[i + 1] ?? ''}`);
  }
  lines.push(`Host: ${host}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** Tunnels `req` (its socket, and the bytes read past its head) to `origin` + `path`; `done` once both ends closed. */
export function tunnelUpgrade(
  req: IncomingMessage,
  client: Duplex,
  head: Buffer,
  origin: URL,
  path: string,
  done: () => void,
): void {
  const port = Number(origin.port) || (origin.protocol === 'https:' ? 443 : 80);
  const host = origin.hostname.replace(/^\[|\]$/g, '');
  const upstream: Socket =
    origin.protocol === 'https:'
      ? connectTls({ host, port, servername: host, ALPNProtocols: ['http/1.1'] })
      : connectTcp({ host, port });
  let connected = false;
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    client.destroy();
    upstream.destroy();
    done();
  };
  upstream.once(origin.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
    connected = true;
    upstream.write(headOf(req, path, origin.host));
    if (head.byteLength > 0) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  upstream.on('error', () => {
    if (connected) return end();
    // Nothing was sent on yet: the client hears why, then both close.
    client.end(BAD_GATEWAY);
  });
  upstream.on('close', () => {
    if (connected) end();
  });
  client.on('error', end);
  client.on('close', end);
}
