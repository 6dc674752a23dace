// @lhci/server 0.8.2 (baseline) vs 0.15.1 (candidate): two releases of the
// Lighthouse CI server, an Express app with a REST+JSON API (projects and
// their tokens, builds, runs, statistics) on SQL through Sequelize (4 on
// 0.8, 6 on 0.15). Both keep their data in one Debian PostgreSQL 15 cluster
// (corpus/lib/postgres.js), one empty database per side; each runs
// `service/host.cjs` (createServer, as the docs start it from code) on a
// free loopback port. The install skips install scripts: they only build
// sqlite3, a driver this pair does not use.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres } from '../lib/postgres.js';
import { freePort, npmInstall, startProcess, supervise, waitForHttp } from '../lib/supervise.js';

const host = join(dirname(fileURLToPath(import.meta.url)), 'service', 'host.cjs');

supervise(async () => {
  const old = npmInstall('lhci-server-0.8.2', ['@lhci/server@0.8.2', 'pg@8.11.3'], {
    ignoreScripts: true,
  });
  const next = npmInstall('lhci-server-0.15.1', ['@lhci/server@0.15.1', 'pg@8.11.3'], {
    ignoreScripts: true,
  });
  const createDatabase = await startPostgres('lhci-pg', 'lhci');
  const start = async (name, dir) => {
    const port = await freePort();
    const database = createDatabase(name.replace(/[^a-z0-9]/g, '_'));
    const packageDir = join(dir, 'node_modules', '@lhci', 'server');
    startProcess(name, process.execPath, [host, packageDir, String(port), database]);
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/healthz`, 60_000);
    return { name, url };
  };
  return {
    baseline: await start('lhci-0.8', old),
    candidate: await start('lhci-0.15', next),
  };
});
