// tus-node-server 0.9.0 (baseline) vs @tus/server 2.4.5 with @tus/file-store
// 2.1.1 (candidate): two majors of one npm server of the tus resumable upload
// protocol (1.0.0: creation, creation-with-upload, creation-defer-length,
// termination), the 0.x line and its rewrite in TypeScript under a new name.
// Each side runs the standalone server of its own README (`service/`) at
// `/files`, on a free loopback port, storing uploads in a fresh folder.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  freePort,
  freshDir,
  npmInstall,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

const service = join(dirname(fileURLToPath(import.meta.url)), 'service');

supervise(async () => {
  const start = async (name, host, install) => {
    const port = await freePort();
    startProcess(name, process.execPath, [
      join(service, host),
      install,
      String(port),
      freshDir(name),
    ]);
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/files`);
    return { name, url };
  };
  const old = npmInstall('tus-node-server-0.9.0', ['tus-node-server@0.9.0']);
  const next = npmInstall('tus-server-2.4.5', ['@tus/server@2.4.5', '@tus/file-store@2.1.1']);
  return {
    baseline: await start(
      'tus-node-server-0.9',
      'host-0.cjs',
      join(old, 'node_modules/tus-node-server'),
    ),
    candidate: await start('tus-server-2.4', 'host-2.mjs', next),
  };
});
