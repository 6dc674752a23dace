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

import { spawnSync } from 'node:child_process';
import { chownSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  aptInstall,
  fail,
  freePort,
  freshDir,
  npmInstall,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

const pgBin = '/usr/lib/postgresql/15/bin';

/** Runs one PostgreSQL client tool as `postgres`; fails the start on an error. */
function asPostgres(args) {
  const res = spawnSync('runuser', ['-u', 'postgres', '--', ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (res.status !== 0) fail(`${args[0]} failed (exit ${res.status})`);
}

/** A fresh cluster owned by `postgres`, started on a free loopback port; its port. */
async function startPostgres() {
  aptInstall(['postgresql-15'], [join(pgBin, 'postgres'), join(pgBin, 'initdb')]);
  const dir = freshDir('parse-pg');
  const idOf = (flag) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout);
  chownSync(dir, idOf('-u'), idOf('-g'));
  const data = join(dir, 'data');
  asPostgres([join(pgBin, 'initdb'), '-D', data, '-A', 'trust', '-U', 'parse', '--no-sync']);
  const port = await freePort();
  const args = [
    '-u',
    'postgres',
    '--',
    join(pgBin, 'postgres'),
    '-D',
    data,
    '-k',
    dir,
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-F',
  ];
  startProcess('postgres', 'runuser', args);
  for (let i = 0; i < 100; i += 1) {
    const ready = spawnSync(join(pgBin, 'pg_isready'), [
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-U',
      'parse',
      '-d',
      'postgres',
    ]);
    if (ready.status === 0) return port;
    await new Promise((r) => setTimeout(r, 200));
  }
  return fail(`postgres on ${port} did not start (${readdirSync(dir).join(', ')})`);
}

supervise(async () => {
  const pgPort = await startPostgres();
  const start = async (name, version) => {
    const dir = npmInstall(`parse-server-${version}`, [`parse-server@${version}`]);
    const database = name.replace(/[^a-z0-9]/g, '_');
    asPostgres([
      join(pgBin, 'createdb'),
      '-h',
      '127.0.0.1',
      '-p',
      String(pgPort),
      '-U',
      'parse',
      database,
    ]);
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
      `postgres://parse@127.0.0.1:${pgPort}/${database}`,
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
