// The standalone server of tus-node-server 0.x's README ("Build a standalone
// server yourself"): uploads at /files, kept by the FileStore in one folder.
// Arguments: the installed package's folder, the port, the upload folder.
const [packageDir, port, directory] = process.argv.slice(2);
const tus = require(packageDir);

const server = new tus.Server({ path: '/files' });
server.datastore = new tus.FileStore({ directory });
server.listen({ host: '127.0.0.1', port: Number(port) });
