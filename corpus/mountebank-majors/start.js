// mountebank 1.16.0 (baseline) vs 2.9.1 (candidate): two majors of one npm
// server, its JSON admin API on /imposters. Each start is a fresh process with
// no imposters (mountebank keeps them in memory). The imposters a flow
// creates listen on ports the cases name (PORTS below), on 127.0.0.1 only.

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  freePort,
  freshDir,
  npmInstall,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

const loopback = fileURLToPath(new URL('../lib/loopback.cjs', import.meta.url));

supervise(async () => {
  const v1 = npmInstall('mountebank-1.16.0', ['mountebank@1.16.0']);
  const v2 = npmInstall('mountebank-2.9.1', ['mountebank@2.9.1']);
  const [p1, p2] = [await freePort(), await freePort()];
  const mb = (dir) => join(dir, 'node_modules', 'mountebank', 'bin', 'mb');
  const env = { ...process.env, NODE_OPTIONS: `--require ${loopback}` };
  startProcess('mb1', process.execPath, [mb(v1), '--port', String(p1), '--host', '127.0.0.1'], {
    env,
    cwd: freshDir('mb1'),
  });
  startProcess('mb2', process.execPath, [mb(v2), '--port', String(p2), '--host', '127.0.0.1'], {
    env,
    cwd: freshDir('mb2'),
  });
  await waitForHttp(`http://127.0.0.1:${p1}/`);
  await waitForHttp(`http://127.0.0.1:${p2}/`);
  return {
    baseline: { name: 'mb1', url: `http://127.0.0.1:${p1}` },
    candidate: { name: 'mb2', url: `http://127.0.0.1:${p2}` },
  };
});
