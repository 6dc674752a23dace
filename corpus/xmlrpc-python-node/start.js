// An XML-RPC API, one service on two runtimes: a stock keeper's service on
// Python's standard `xmlrpc.server` (baseline: Debian's python3, as its
// documentation shows: introspection and multicall on) vs the same service
// ported to Node on the npm package `xmlrpc` 1.3.2 (candidate). Add, read,
// list, tag search, adjust, remove and a total, kept in memory, refusals as
// XML-RPC faults with the service's own codes. `service/stock.py` and
// `service/stock.cjs` are the two apps a team writes; each runs on a free
// loopback port with the time zone set to UTC (xmlrpc reads dateTime values
// in the process's local time).
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
  aptInstall(['python3'], ['/usr/bin/python3']);
  const dir = npmInstall('xmlrpc-1.3.2', ['xmlrpc@1.3.2']);
  const env = { ...process.env, TZ: 'UTC', PYTHONUNBUFFERED: '1' };
  const [pp, pn] = [await freePort(), await freePort()];
  startProcess('python-xmlrpc', '/usr/bin/python3', [join(service, 'stock.py'), String(pp)], {
    env,
  });
  startProcess(
    'node-xmlrpc',
    process.execPath,
    [join(service, 'stock.cjs'), join(dir, 'node_modules/xmlrpc'), String(pn)],
    { env },
  );
  const python = `http://127.0.0.1:${pp}`;
  const node = `http://127.0.0.1:${pn}`;
  await waitForHttp(`${python}/`, 30_000);
  await waitForHttp(`${node}/`, 30_000);
  return {
    baseline: { name: 'python3.11-xmlrpc.server', url: python },
    candidate: { name: 'node-xmlrpc-1.3', url: node },
  };
});
