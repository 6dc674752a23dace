// Apache Thrift over HTTP with Thrift's JSON protocol, one service on two
// runtimes: a parts catalogue written once as a Thrift interface
// (service/catalogue.thrift), generated for each runtime by Debian's
// thrift-compiler 0.17 at every start, and served as each library serves
// one over HTTP: Debian's python3-thrift 0.17 under its THttpServer
// (baseline, service/catalogue.py) vs the npm package `thrift` 0.17.0 under
// createWebServer (candidate, service/catalogue.cjs). Add, read, list by
// kind, restock, remove, count, totals, a label as binary, the tags as a
// set, a oneway call; refusals as the interface's declared exceptions, and
// one handler error that is not declared. In memory, on free loopback ports.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  aptInstall,
  fail,
  freePort,
  freshDir,
  npmInstall,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

const service = join(dirname(fileURLToPath(import.meta.url)), 'service');

function generate(lang, out) {
  const res = spawnSync(
    '/usr/bin/thrift',
    ['--gen', lang, '-out', out, join(service, 'catalogue.thrift')],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (res.status !== 0) fail(`thrift --gen ${lang} failed (exit ${res.status})`);
}

supervise(async () => {
  aptInstall(
    ['thrift-compiler', 'python3-thrift'],
    ['/usr/bin/thrift', '/usr/lib/python3/dist-packages/thrift/server/THttpServer.py'],
  );
  const dir = npmInstall('thrift-0.17.0', ['thrift@0.17.0']);
  const gen = freshDir('thrift-gen');
  const [py, js] = [join(gen, 'py'), join(gen, 'js')];
  spawnSync('mkdir', ['-p', py, js]);
  generate('py', py);
  generate('js:node', js);
  const [pp, pn] = [await freePort(), await freePort()];
  startProcess(
    'python-thrift',
    '/usr/bin/python3',
    [join(service, 'catalogue.py'), py, String(pp)],
    {
      env: { ...process.env, PYTHONUNBUFFERED: '1' },
    },
  );
  startProcess('node-thrift', process.execPath, [join(service, 'catalogue.cjs'), js, String(pn)], {
    env: { ...process.env, NODE_PATH: join(dir, 'node_modules') },
  });
  const python = `http://127.0.0.1:${pp}`;
  const node = `http://127.0.0.1:${pn}`;
  await waitForHttp(`${python}/`, 30_000);
  await waitForHttp(`${node}/`, 30_000);
  return {
    baseline: { name: 'python3-thrift-0.17-thttpserver', url: python },
    candidate: { name: 'node-thrift-0.17.0-webserver', url: node },
  };
});
