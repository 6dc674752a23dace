// A JSON Patch API (RFC 6902, with RFC 6901 pointers), one document store on
// two implementations of the standard: Python's standard http.server with
// Debian's `python3-jsonpatch` 1.32 and `python3-jsonpointer` 2.3 (baseline)
// vs the same service ported to Node on the npm package `fast-json-patch`
// 3.1.1 (candidate). Put, read (whole or by pointer), patch and delete
// documents, kept in memory; refusals with the service's own kinds and the
// library's message. `service/docs.py` and `service/docs.cjs` are the two
// apps a team writes; each runs on a free loopback port.
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
  aptInstall(
    ['python3', 'python3-jsonpatch'],
    ['/usr/bin/python3', '/usr/lib/python3/dist-packages/jsonpatch.py'],
  );
  const dir = npmInstall('fast-json-patch-3.1.1', ['fast-json-patch@3.1.1']);
  const env = { ...process.env, PYTHONUNBUFFERED: '1' };
  const [pp, pn] = [await freePort(), await freePort()];
  startProcess('python-jsonpatch', '/usr/bin/python3', [join(service, 'docs.py'), String(pp)], {
    env,
  });
  startProcess(
    'node-fast-json-patch',
    process.execPath,
    [join(service, 'docs.cjs'), join(dir, 'node_modules/fast-json-patch'), String(pn)],
    { env },
  );
  const python = `http://127.0.0.1:${pp}`;
  const node = `http://127.0.0.1:${pn}`;
  await waitForHttp(`${python}/docs`, 30_000);
  await waitForHttp(`${node}/docs`, 30_000);
  return {
    baseline: { name: 'python3-jsonpatch-1.32', url: python },
    candidate: { name: 'fast-json-patch-3.1', url: node },
  };
});
