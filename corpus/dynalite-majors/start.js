// dynalite 3.2.2 (baseline) vs 4.0.0 (candidate): two majors of one npm
// implementation of the DynamoDB JSON API, each in memory (empty at start).
// Tables become ACTIVE at once (--createTableMs 0 …) so no case depends on
// timing.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, npmInstall, startProcess, supervise, waitForHttp } from '../lib/supervise.js';

// dynalite 3.x has no --host option and listens on every interface: the
// preload makes its listen() use 127.0.0.1 (4.x takes --host as well).
const loopback = fileURLToPath(new URL('../lib/loopback.cjs', import.meta.url));

supervise(async () => {
  const v3 = npmInstall('dynalite-3.2.2', ['dynalite@3.2.2']);
  const v4 = npmInstall('dynalite-4.0.0', ['dynalite@4.0.0']);
  const [p3, p4] = [await freePort(), await freePort()];
  const cli = (dir) => join(dir, 'node_modules', 'dynalite', 'cli.js');
  const timing = ['--createTableMs', '0', '--deleteTableMs', '0', '--updateTableMs', '0'];
  const env = { ...process.env, NODE_OPTIONS: `--require ${loopback}` };
  startProcess('dynalite3', process.execPath, [cli(v3), '--port', String(p3), ...timing], { env });
  startProcess('dynalite4', process.execPath, [
    cli(v4),
    '--host',
    '127.0.0.1',
    '--port',
    String(p4),
    ...timing,
  ]);
  await waitForHttp(`http://127.0.0.1:${p3}/`);
  await waitForHttp(`http://127.0.0.1:${p4}/`);
  return {
    baseline: { name: 'dynalite3', url: `http://127.0.0.1:${p3}` },
    candidate: { name: 'dynalite4', url: `http://127.0.0.1:${p4}` },
  };
});
