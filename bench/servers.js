// Two small JSON servers on loopback, run in a child process of the benchmark so the
// client under test and the servers do not share one event loop. Prints
// `{"a": URL, "b": URL}` as one line on stdout, then serves until stdin closes.
//
// GET /items/N        ~300-byte JSON, the same on both servers.
// GET /div/N          as /items/N, but server "b" answers a changed `price` (a value divergence).
import { createServer } from 'node:http';

function item(n, side) {
  const divergent = side === 'b';
  return JSON.stringify({
    id: n,
    name: `item-${n}`,
    description: 'A small JSON body of about three hundred bytes, like a typical API answer.',
    price: divergent ? 10.5 + n : 9.5 + n,
    currency: 'EUR',
    tags: ['alpha', 'beta', 'gamma'],
    stock: { warehouse: 'north', count: n % 97 },
    active: true,
    updatedAt: '2026-01-02T03:04:05Z',
  });
}

function handler(side) {
  return (req, res) => {
    const match = /^\/(items|div)\/(\d+)/.exec(req.url ?? '');
    req.resume();
    if (match === null) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"not found"}');
      return;
    }
    const n = Number(match[2]);
    const body = item(n, match[1] === 'div' ? side : 'a');
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  };
}

async function listen(side) {
  const server = createServer(handler(side));
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

const a = await listen('a');
const b = await listen('b');
process.stdout.write(`${JSON.stringify({ a: a.url, b: b.url })}\n`);
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
