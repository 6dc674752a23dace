// stubby 4.1.1 (baseline) vs 5.1.1 (candidate): two majors of one npm stub
// server. The target is its admin portal (a JSON API over the stubbed
// endpoints, stateful, with a status page); each start is a fresh process
// that loads the same two endpoints from data.yaml, with its stubs and TLS
// portals on free ports of their own, all on 127.0.0.1.

import { copyFileSync } from 'node:fs';
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

const data = fileURLToPath(new URL('./data.yaml', import.meta.url));

supervise(async () => {
  const v4 = npmInstall('stubby-4.1.1', ['stubby@4.1.1']);
  const v5 = npmInstall('stubby-5.1.1', ['stubby@5.1.1']);
  const start = async (name, dir) => {
    const [admin, stubs, tls] = [await freePort(), await freePort(), await freePort()];
    const cwd = freshDir(name);
    copyFileSync(data, join(cwd, 'data.yaml'));
    const bin = join(dir, 'node_modules', 'stubby', 'bin', 'stubby');
    const args = ['-l', '127.0.0.1', '-a', admin, '-s', stubs, '-t', tls, '-d', 'data.yaml', '-q'];
    startProcess(name, process.execPath, [bin, ...args.map(String)], { cwd });
    await waitForHttp(`http://127.0.0.1:${admin}/`);
    return { name, url: `http://127.0.0.1:${admin}` };
  };
  return { baseline: await start('stubby4', v4), candidate: await start('stubby5', v5) };
});
