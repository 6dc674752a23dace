// node-git-server's Git on one folder of bare repositories, as its docs show
// (`new Git(dir, { autoCreate: true })`; every push and fetch accepted, since
// no listener rejects), served on 127.0.0.1 only: `repos.handle` under a plain
// `http.createServer` instead of `repos.listen(port)`, which binds every
// interface.
const http = require('node:http');
const path = require('node:path');
const [, , moduleDir, root, port] = process.argv;
const { Git } = require(path.join(moduleDir, 'node_modules/node-git-server'));
const repos = new Git(root, { autoCreate: true });
repos.on('push', (push) => push.accept());
repos.on('fetch', (fetch) => fetch.accept());
// node-git-server 1.0.0 pipes a pack into the socket with no 'error' handler:
// a client that has gone (a request that timed out under a loaded machine)
// makes the write fail with EPIPE, which crashed the host once in five full
// corpus runs. The socket's error is the client's leaving, not an answer.
const server = http.createServer((req, res) => repos.handle(req, res));
server.on('connection', (socket) => socket.on('error', () => {}));
server.listen(Number(port), '127.0.0.1');
// It also pipes a request into `git`'s stdin with no 'error' handler: a fetch
// POSTed to a repository that does not exist makes git exit at once, and the
// write after it fails with EPIPE on that pipe (it stopped a full corpus run
// in session sixteen). Nothing is lost there either: git has already answered.
process.on('uncaughtException', (error) => {
  if (error.code === 'EPIPE') return;
  console.error(error);
  process.exit(1);
});
