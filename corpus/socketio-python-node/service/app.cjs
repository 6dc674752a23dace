// The chat service of this pair on the npm socket.io server, as its
// documentation starts a standalone one: a Server attached to a plain Node
// HTTP server at /socket.io/, bound to 127.0.0.1, default options. app.py is
// the same service on python-socketio (see there what each event does).
// Usage: node app.cjs <install folder> <port>
const http = require('node:http');
const path = require('node:path');

const [dir, port] = process.argv.slice(2);
const { Server } = require(path.join(dir, 'node_modules/socket.io'));

const server = http.createServer();
const io = new Server(server);

io.on('connection', (socket) => {
  socket.on('echo', (data) => socket.emit('echo', data));
  socket.on('add', (data, ack) => ack(data.a + data.b));
  socket.on('join', (room) => {
    socket.join(room);
    socket.emit('joined', room);
  });
  socket.on('say', (data) => socket.to(data.room).emit('said', { text: data.text }));
});

const admin = io.of('/admin');
admin.use((socket, next) => {
  if (socket.handshake.auth && socket.handshake.auth.token === 'letmein') next();
  else next(new Error('not authorized'));
});
admin.on('connection', (socket) => {
  socket.on('whoami', (ack) => ack('admin'));
});

server.listen(Number(port), '127.0.0.1');
