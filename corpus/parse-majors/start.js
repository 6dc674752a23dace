// Parse Server 7.5.3 (baseline) vs 8.6.94 (candidate): two majors of one npm
// backend-as-a-service API server (Express), its REST API under `/parse`:
// objects of classes the client creates, queries, users and sessions,
// schemas, Cloud Code functions; every refusal a JSON envelope
// `{"code": …, "error": "…"}`. Both keep their data in PostgreSQL (Debian's
// postgresql-15; neither major can be given MongoDB here): one postgres
// cluster in a fresh folder, on a free 127.0.0.1 port, run as the `postgres`
// user (it refuses root), with one empty database per side. Each server is
// started by its own bin with the same options (application id, master key,
// database, loopback host and port, server URL, and client class creation
// allowed, as the REST guide's first example needs: both default it to off).

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
  const createDatabase = await startPostgres('parse-pg', 'parse');
  const start = async (name, version) => {
    const dir = npmInstall(`parse-server-${version}`, [`parse-server@${version}`]);
    const databaseURI = createDatabase(name.replace(/[^a-z0-9]/g, '_'));
    const bin = join(dir, 'node_modules/parse-server/bin/parse-server');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/parse`;
    const args = [
      bin,
      '--appId',
      'corpus-app',
      '--masterKey',
      'corpus-master-key',
      '--databaseURI',
      databaseURI,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--mountPath',
      '/parse',
      '--serverURL',
      url,
      '--allowClientClassCreation',
      'true',
    ];
    startProcess(name, process.execPath, args, { cwd: freshDir(name) });
    await waitForHttp(`${url}/health`, 90_000);
    return { name, url };
  };
  return {
    baseline: await start('parse-7', '7.5.3'),
    candidate: await start('parse-8', '8.6.94'),
  };
});
