// Starts npm's webdav-server (v2 API) as its README shows: an in-memory file
// system, anonymous access, here on 127.0.0.1 and the port given as argv[2].
// Loaded from the cache folder start.js installs it into (argv[3]).
const path = require('node:path');

const { v2: webdav } = require(path.join(process.argv[3], 'node_modules', 'webdav-server'));

const server = new webdav.WebDAVServer({ port: Number(process.argv[2]), hostname: '127.0.0.1' });
server.start(() => process.stdout.write(`webdav-server listening on ${process.argv[2]}\n`));
