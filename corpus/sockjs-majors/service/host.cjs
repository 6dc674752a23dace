// One SockJS server as its README starts one: an echo service installed on
// a plain Node HTTP server under the prefix /echo, whose own handler answers
// every other path (404, plain text). The service writes every message back
// to its sender, and closes the session (code 3000) when the message is the
// text `close`. The same file hosts both releases. Logging is off; the
// heartbeat comes after 2 s instead of 25 (it only ever answers a poll that
// found nothing queued, which the library never sends: a read sent again by
// the tool then gets `h` well within its request budget).
// Usage: node host.cjs <install folder> <port>
const http = require('node:http');
const path = require('node:path');

const [dir, port] = process.argv.slice(2);
const sockjs = require(path.join(dir, 'node_modules/sockjs'));

const echo = sockjs.createServer({ log: () => {}, heartbeat_delay: 2000 });
echo.on('connection', (conn) => {
  conn.on('data', (message) => {
    if (message === 'close') conn.close(3000, 'Go away!');
    else conn.write(message);
  });
});

const server = http.createServer((_req, res) => {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('Not found\n');
});
echo.installHandlers(server, { prefix: '/echo' });
server.listen(Number(port), '127.0.0.1');
