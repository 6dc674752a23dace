// The floor of the mirror sink's topology (Diffy's): a sink that answers
// each mirrored copy 204 at once, as the discarding sink does, then sends it
// on to a baseline and a candidate (the request as the gateway mirrored it:
// method, original URI, end-to-end headers, body) and reads both answers,
// comparing nothing. Against the discarding sink it measures what the
// topology's extra requests cost the gateway's clients on the same cores;
// against `parity shadow`, what comparing adds. Prints `{"url": URL}` as one
// line on stdout, then serves until stdin closes.
// Usage: node bench/peers/replay-sink.js BASELINE CANDIDATE
import { createServer } from 'node:http';
import { Pool } from 'undici';

// The connection's own headers and the length (undici sets it from the body).
const HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'host',
  'upgrade',
  'te',
]);
const GATEWAY = new Set(['x-original-uri', 'x-forwarded-for', 'x-forwarded-host']);
const pools = process.argv.slice(2, 4).map((url) => new Pool(url, { connections: 16 }));

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    res.writeHead(204).end();
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP.has(name) && !GATEWAY.has(name)) headers[name] = value;
    }
    const uri = req.headers['x-original-uri'];
    const path = typeof uri === 'string' ? uri : req.url;
    const body = chunks.length === 0 ? undefined : Buffer.concat(chunks);
    // After the answer has left, as parity's sink does.
    setImmediate(() => {
      for (const pool of pools) {
        pool.request({ method: req.method, path, headers, body }).then(
          (answer) => answer.body.arrayBuffer(),
          () => undefined,
        );
      }
    });
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
