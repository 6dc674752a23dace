// pouchdb-server 2.3.7 (baseline) vs 4.2.0 (candidate): two majors of one npm
// server, a CouchDB-style JSON document store over HTTP (databases, documents
// with revisions `N-<hex>`, `_all_docs`, `_bulk_docs`, `_find`, `_uuids`).
// Like CouchDB 1.x, both answer JSON as `text/plain` unless the client asks
// for `application/json`. Each start is a fresh process with an in-memory
// store (`--in-memory`) on a free loopback port, in a fresh folder (each
// writes its config.json and log.txt into its working folder).
//
// Installed with `--ignore-scripts`: 2.3.7 pulls in leveldown 2.x and 4.2.0
// sqlite3 and leveldown 5.x, native drivers that an in-memory store never
// loads; leveldown 2.x does not build with Node 20. Without their install
// scripts both install from the registry alone, with no compiler.
import { join } from 'node:path';
import {
  freePort,
  freshDir,
  npmInstall,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

supervise(async () => {
  const start = async (name, version) => {
    const dir = npmInstall(`pouchdb-server-${version}`, [`pouchdb-server@${version}`], {
      ignoreScripts: true,
    });
    const bin = join(dir, 'node_modules/pouchdb-server/bin/pouchdb-server');
    const port = await freePort();
    const args = ['--in-memory', '--no-stdout-logs', '-p', String(port), '-o', '127.0.0.1'];
    startProcess(name, process.execPath, [bin, ...args], { cwd: freshDir(name) });
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/`);
    return { name, url };
  };
  return {
    baseline: await start('pouchdb2', '2.3.7'),
    candidate: await start('pouchdb4', '4.2.0'),
  };
});
