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
http.createServer((req, res) => repos.handle(req, res)).listen(Number(port), '127.0.0.1');
