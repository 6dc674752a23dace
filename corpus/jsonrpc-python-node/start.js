// A JSON-RPC 2.0 API, one service on two runtimes: a lending library's
// service on Debian's python3-jsonrpc (json-rpc 1.13) under werkzeug's
// development server, as the package's README shows (baseline), vs the same
// service ported to Node on the npm package `jayson` 4.2.0, as its README
// shows a server (candidate). Add, read, list (all or by author), lend, give
// back, remove and count books, kept in memory, refusals as JSON-RPC errors
// with the service's own codes. `service/shelf.py` and `service/shelf.cjs`
// are the two apps a team writes; each runs on a free loopback port.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  aptInstall,
  freePort,
  npmInstall,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

const service = join(dirname(fileURLToPath(import.meta.url)), 'service');

supervise(async () => {
  aptInstall(['python3-jsonrpc'], ['/usr/lib/python3/dist-packages/jsonrpc/manager.py']);
  const dir = npmInstall('jayson-4.2.0', ['jayson@4.2.0']);
  const env = { ...process.env, PYTHONUNBUFFERED: '1' };
  const [pp, pn] = [await freePort(), await freePort()];
  startProcess('python-jsonrpc', '/usr/bin/python3', [join(service, 'shelf.py'), String(pp)], {
    env,
  });
  startProcess(
    'node-jayson',
    process.execPath,
    [join(service, 'shelf.cjs'), join(dir, 'node_modules/jayson'), String(pn)],
    { env },
  );
  const python = `http://127.0.0.1:${pp}`;
  const node = `http://127.0.0.1:${pn}`;
  await waitForHttp(`${python}/`, 30_000);
  await waitForHttp(`${node}/`, 30_000);
  return {
    baseline: { name: 'python3-jsonrpc-1.13-werkzeug', url: python },
    candidate: { name: 'node-jayson-4.2', url: node },
  };
});
