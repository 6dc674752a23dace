// A PostgreSQL cluster for the pairs whose servers keep their data in it
// (Debian's postgresql-15): one fresh cluster in a fresh folder, on a free
// 127.0.0.1 port, run as the `postgres` user (it refuses root; `runuser`, so
// the start needs root, as `apt-get` does), trusting every local login of
// one superuser, and one empty database per side.
import { spawnSync } from 'node:child_process';
import { chownSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { aptInstall, fail, freePort, freshDir, startProcess } from './supervise.js';

const pgBin = '/usr/lib/postgresql/15/bin';

/** Runs one PostgreSQL client tool as `postgres`; fails the start on an error. */
function asPostgres(args) {
  const res = spawnSync('runuser', ['-u', 'postgres', '--', ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (res.status !== 0) fail(`${args[0]} failed (exit ${res.status})`);
}

/**
 * Installs postgresql-15 when it is missing, starts a fresh cluster whose
 * superuser is `user` (no password) and returns `createDatabase(name)`, which
 * makes one empty database and returns its `postgres://` URL.
 */
export async function startPostgres(label, user) {
  aptInstall(['postgresql-15'], [join(pgBin, 'postgres'), join(pgBin, 'initdb')]);
  const dir = freshDir(label);
  const idOf = (flag) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout);
  chownSync(dir, idOf('-u'), idOf('-g'));
  const data = join(dir, 'data');
  asPostgres([join(pgBin, 'initdb'), '-D', data, '-A', 'trust', '-U', user, '--no-sync']);
  const port = String(await freePort());
  const args = ['-u', 'postgres', '--', join(pgBin, 'postgres')];
  args.push('-D', data, '-k', dir, '-h', '127.0.0.1', '-p', port, '-F');
  startProcess('postgres', 'runuser', args);
  const at = ['-h', '127.0.0.1', '-p', port, '-U', user];
  const createDatabase = (name) => {
    asPostgres([join(pgBin, 'createdb'), ...at, name]);
    return `postgres://${user}@127.0.0.1:${port}/${name}`;
  };
  for (let i = 0; i < 100; i += 1) {
    const ready = spawnSync(join(pgBin, 'pg_isready'), [...at, '-d', 'postgres']);
    if (ready.status === 0) return createDatabase;
    await new Promise((r) => setTimeout(r, 200));
  }
  return fail(`postgres on ${port} did not start (${readdirSync(dir).join(', ')})`);
}
