// The reference for `parity proxy`'s client throughput: a minimal forwarding
// proxy (node:http server, undici Pool to the upstream, the answer streamed
// back), nothing compared, nothing mirrored. Prints `{"url": URL}` as one
// line on stdout, then serves until stdin closes.
// Usage: node bench/peers/forward-proxy.js UPSTREAM
import { createServer } from 'node:http';
import { Pool } from 'undici';

const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host', 'upgrade', 'te']);
const upstream = process.argv[2];
const pool = new Pool(upstream, { connections: 64 });
const server = createServer(async (req, res) => {
  try {
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP.has(name)) headers[name] = value;
    }
    const bodyless = req.method === 'GET' || req.method === 'HEAD';
    const answer = await pool.request({
      method: req.method,
      path: req.url,
      headers,
      body: bodyless ? undefined : req,
    });
    const out = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (!HOP.has(name)) out[name] = value;
    }
    res.writeHead(answer.statusCode, out);
    for await (const chunk of answer.body) res.write(chunk);
    res.end();
  } catch {
    if (!res.headersSent) res.writeHead(502).end();
    else res.destroy();
  }
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
