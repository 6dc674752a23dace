// A REST+JSON API on two runtimes: a meeting-room booking API on Flask 2.2
// (baseline: Debian's python3-flask, served by Debian's gunicorn with one
// worker) vs the same API ported to Express 4.21.2 on Node (candidate, npm,
// NODE_ENV=production). Rooms, bookings with validation, conflicts, updates
// and deletes, kept in memory; refusals `{"error", "fields"}` from the app,
// and each framework's own answers for what the app does not route.
// `service/app.py` and `service/app.cjs` are the two apps a team writes; each
// runs on a free loopback port.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  aptInstall,
  freePort,
  freshDir,
  npmInstall,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

const service = join(dirname(fileURLToPath(import.meta.url)), 'service');

supervise(async () => {
  aptInstall(
    ['python3-flask', 'gunicorn'],
    ['/usr/bin/gunicorn', '/usr/lib/python3/dist-packages/flask/__init__.py'],
  );
  const dir = npmInstall('express-4.21.2', ['express@4.21.2']);
  const [pf, pe] = [await freePort(), await freePort()];
  startProcess(
    'flask',
    '/usr/bin/gunicorn',
    [
      '--chdir',
      service,
      '--bind',
      `127.0.0.1:${pf}`,
      '--workers',
      '1',
      '--log-level',
      'warning',
      'app:app',
    ],
    { cwd: freshDir('flask'), env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } },
  );
  startProcess(
    'express',
    process.execPath,
    [join(service, 'app.cjs'), join(dir, 'node_modules/express'), String(pe)],
    {
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  const flask = `http://127.0.0.1:${pf}`;
  const node = `http://127.0.0.1:${pe}`;
  await waitForHttp(`${flask}/health`, 60_000);
  await waitForHttp(`${node}/health`, 30_000);
  return {
    baseline: { name: 'flask-2.2-gunicorn', url: flask },
    candidate: { name: 'express-4.21', url: node },
  };
});
