// The standalone server of @tus/server 2.x's README: uploads at /files, kept
// by @tus/file-store in one folder. Arguments: the install folder (holding
// node_modules/@tus), the port, the upload folder.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [installDir, port, directory] = process.argv.slice(2);
const load = (name) =>
  import(pathToFileURL(join(installDir, 'node_modules', name, 'dist', 'index.js')).href);
const { Server } = await load('@tus/server');
const { FileStore } = await load('@tus/file-store');

const server = new Server({ path: '/files', datastore: new FileStore({ directory }) });
server.listen({ host: '127.0.0.1', port: Number(port) });
