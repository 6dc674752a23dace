// The floor of the mirror sink's topology (Diffy's): a sink that answers
// each mirrored copy 204 at once, as the discarding sink does, then sends it
// on to a baseline and a candidate (the request as the gateway mirrored it:
// method, original URI, end-to-end headers, body) and reads both answers,
// comparing nothing. It is placed as `parity shadow` is: the copies are
// handed, the hand-offs of one event-loop turn in one message, to a worker
// thread that sends them at the lowest priority (nice 19, Linux). Against
// the discarding sink it measures what the topology's two extra requests per
// copy cost the gateway's clients on the same cores; against `parity
// shadow`, what comparing adds. Prints `{"url": URL}` as one line on
// stdout, then serves until stdin closes.
// Usage: node bench/peers/replay-sink.js BASELINE CANDIDATE
import { createServer } from 'node:http';
import { platform, setPriority } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
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

if (isMainThread) {
  const sender = new Worker(new URL(import.meta.url), { workerData: process.argv.slice(2, 4) });
  let batch = [];
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
      // After the answer has left, the copies of one turn in one message.
      if (batch.push({ method: req.method, path, headers, body }) > 1) return;
      setImmediate(() => {
        sender.postMessage(batch);
        batch = [];
      });
    });
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(
      `${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`,
    );
  });
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
} else {
  if (platform() === 'linux') setPriority(0, 19);
  const pools = workerData.map((url) => new Pool(url, { connections: 16 }));
  parentPort.on('message', (copies) => {
    for (const copy of copies) {
      for (const pool of pools) {
        pool.request(copy).then(
          (answer) => answer.body.arrayBuffer(),
          () => undefined,
        );
      }
    }
  });
}
