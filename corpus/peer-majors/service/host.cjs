// One PeerJS server as its README mounts one in an Express app:
// `ExpressPeerServer(server, { allow_discovery: true })` at /myapp on an
// HTTP server bound to 127.0.0.1, whose Express app answers every other
// path (its own 404). The same file hosts both majors.
// Two peers, `alice` and `bob`, connect by WebSocket once the server
// listens (as two browsers would), so discovery lists someone and a call
// has a peer to reach; each sends the client's heartbeat every 20 s (1.0 drops a peer silent for 60 s; 0.2 logs the message
// it does not know and keeps the peer), so
// neither server drops them while the corpus runs.
// Usage: node host.cjs <install folder> <port>
const http = require('node:http');
const path = require('node:path');

const [dir, port] = process.argv.slice(2);
const from = (name) => require(path.join(dir, 'node_modules', name));
const express = from('express');
const { ExpressPeerServer } = from('peer');
const WebSocket = from('ws');

const app = express();
const server = http.createServer(app);
app.use('/myapp', ExpressPeerServer(server, { allow_discovery: true }));

function connectPeer(id, token) {
  const url = `ws://127.0.0.1:${port}/myapp/peerjs?key=peerjs&id=${id}&token=${token}`;
  const socket = new WebSocket(url);
  socket.on('open', () => {
    setInterval(() => socket.send(JSON.stringify({ type: 'HEARTBEAT' })), 5000).unref();
  });
  socket.on('message', () => {});
  socket.on('error', (err) => process.stderr.write(`peer ${id}: ${err.message}\n`));
  socket.on('close', () => process.stderr.write(`peer ${id}: closed\n`));
}

server.listen(Number(port), '127.0.0.1', () => {
  connectPeer('alice', 'alicetoken');
  connectPeer('bob', 'bobtoken');
});
