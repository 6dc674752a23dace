// The reference for `parity shadow`'s client-side cost behind nginx's
// `mirror`: a sink that reads each mirrored copy and answers 204 at once,
// keeping nothing. Prints `{"url": URL}` as one line on stdout, then serves
// until stdin closes.
import { createServer } from 'node:http';

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(204).end());
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
