// Unleash 5.12.8 (baseline) vs 6.10.1 (candidate): two majors of one npm
// feature-flag server (Express, TypeScript), its admin API (projects, feature
// flags, their strategies per environment, tags, context fields, segments,
// the archive) and its client API (the flags an SDK reads), every refusal a
// JSON envelope `{"id", "name", "message", "details"}`. Both keep their data
// in PostgreSQL (Debian's postgresql-15, as Unleash requires): one cluster,
// one empty database per side (`../lib/postgres.js`). Each server is started
// by its own `dist/server.js` with the same environment: the database,
// loopback host and port, the version check and telemetry off (no network at
// run time), and the same two API tokens created at start (an admin token
// for every project and a client token for `default`/`development`), as a
// team that calls the API from scripts and SDKs configures it.
import { join } from 'node:path';
import { startPostgres } from '../lib/postgres.js';
import {
  freePort,
  freshDir,
  npmInstall,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

supervise(async () => {
  const createDatabase = await startPostgres('unleash-pg', 'unleash');
  const start = async (name, version) => {
    const dir = npmInstall(`unleash-server-${version}`, [`unleash-server@${version}`]);
    const database = new URL(createDatabase(name.replace(/[^a-z0-9]/g, '_')));
    const port = await freePort();
    const env = {
      ...process.env,
      DATABASE_HOST: database.hostname,
      DATABASE_PORT: database.port,
      DATABASE_USERNAME: database.username,
      DATABASE_NAME: database.pathname.slice(1),
      DATABASE_SSL: 'false',
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(port),
      UNLEASH_URL: `http://127.0.0.1:${port}`,
      CHECK_VERSION: 'false',
      SEND_TELEMETRY: 'false',
      LOG_LEVEL: 'warn',
      INIT_ADMIN_API_TOKENS: '*:*.corpus-admin-token',
      INIT_CLIENT_API_TOKENS: 'default:development.corpus-client-token',
    };
    const bin = join(dir, 'node_modules/unleash-server/dist/server.js');
    startProcess(name, process.execPath, [bin], { cwd: freshDir(name), env });
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/health`, 180_000);
    return { name, url };
  };
  return {
    baseline: await start('unleash-5', '5.12.8'),
    candidate: await start('unleash-6', '6.10.1'),
  };
});
