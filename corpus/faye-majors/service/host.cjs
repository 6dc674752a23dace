// One Faye server as its README starts one: a NodeAdapter mounted at
// /bayeux and attached to a plain Node HTTP server, whose own handler
// answers every other path (404, plain text). The same file hosts both
// majors. `timeout` is the long-poll's hold in seconds: 5, so a client
// that asks for a held connect waits no more than that.
// Usage: node host.cjs <install folder> <port>
const http = require('node:http');
const path = require('node:path');

const [dir, port] = process.argv.slice(2);
const faye = require(path.join(dir, 'node_modules/faye'));

const server = http.createServer((_req, res) => {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('Not found\n');
});
const bayeux = new faye.NodeAdapter({ mount: '/bayeux', timeout: 5 });
bayeux.attach(server);
server.listen(Number(port), '127.0.0.1');
