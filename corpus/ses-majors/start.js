// aws-ses-v2-local 1.2.0 (baseline) vs 2.10.2 (candidate): two majors of one
// npm emulator of Amazon SES (the v2 REST+JSON API and the v1 query API,
// with a store of the sent emails to read back), each in memory (empty at
// start).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, npmInstall, startProcess, supervise, waitForHttp } from '../lib/supervise.js';

// 1.x has no command-line options (its CLI listens on port 8005, every
// interface): it is started through the package's exported server function
// with a free port, as its README shows (`server({ port })`), and the
// preload makes that listen() use 127.0.0.1.
const loopback = fileURLToPath(new URL('../lib/loopback.cjs', import.meta.url));

supervise(async () => {
  const v1 = npmInstall('aws-ses-v2-local-1.2.0', ['aws-ses-v2-local@1.2.0']);
  const v2 = npmInstall('aws-ses-v2-local-2.10.2', ['aws-ses-v2-local@2.10.2']);
  const [p1, p2] = [await freePort(), await freePort()];
  const pkg = (dir) => join(dir, 'node_modules', 'aws-ses-v2-local');
  const start1 = `require(${JSON.stringify(pkg(v1))}).default({ port: ${p1} })`;
  startProcess('ses1', process.execPath, ['--require', loopback, '-e', start1]);
  startProcess('ses2', process.execPath, [
    join(pkg(v2), 'dist', 'cli.js'),
    '--host',
    '127.0.0.1',
    '--port',
    String(p2),
  ]);
  await waitForHttp(`http://127.0.0.1:${p1}/health-check`);
  await waitForHttp(`http://127.0.0.1:${p2}/health-check`);
  return {
    baseline: { name: 'ses-local1', url: `http://127.0.0.1:${p1}` },
    candidate: { name: 'ses-local2', url: `http://127.0.0.1:${p2}` },
  };
});
