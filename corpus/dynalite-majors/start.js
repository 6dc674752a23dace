// dynalite 3.2.2 (baseline) vs 4.0.0 (candidate): two majors of one npm
// implementation of the DynamoDB JSON API, each in memory (empty at start).
// Tables become ACTIVE at once (--createTableMs 0 …) so no case depends on
// timing.
import { join } from 'node:path';
import { freePort, npmInstall, startProcess, supervise, waitForHttp } from '../lib/supervise.js';

supervise(async () => {
  const v3 = npmInstall('dynalite-3.2.2', ['dynalite@3.2.2']);
  const v4 = npmInstall('dynalite-4.0.0', ['dynalite@4.0.0']);
  const [p3, p4] = [await freePort(), await freePort()];
  const cli = (dir) => join(dir, 'node_modules', 'dynalite', 'cli.js');
  const timing = ['--createTableMs', '0', '--deleteTableMs', '0', '--updateTableMs', '0'];
  startProcess('dynalite3', process.execPath, [
    cli(v3),
    '--host',
    '127.0.0.1',
    '--port',
    String(p3),
    ...timing,
  ]);
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
