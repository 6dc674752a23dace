// Git's smart HTTP protocol (the transfer protocol `git clone`, `git fetch`
// and `git push` speak over HTTP), one published protocol on two servers:
// git's own `git-http-backend` (C, Debian `git` 2.39) as a CGI under lighttpd
// 1.4 (Debian), configured as the git-http-backend manual's lighttpd example
// (baseline, base URL `/git`), vs node-git-server 1.0.0 (npm; candidate), a
// Node server that parses the requests itself and runs `git upload-pack` /
// `git receive-pack` for the pack work. Each serves a fresh copy of one
// folder of bare repositories that start.js builds with fixed authors and
// dates, so both hold the same commit ids: `demo.git` (two commits on
// `main`, a branch `topic`, a lightweight tag `v1`) and `empty.git` (no
// commit). Each copy has `http.receivepack = true` (git-http-backend refuses
// an anonymous push without it; node-git-server accepts every push).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
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

/** The two bare repositories, built with fixed names and dates. */
function seedRepositories(root) {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Corpus Author',
    GIT_AUTHOR_EMAIL: 'author@example.test',
    GIT_COMMITTER_NAME: 'Corpus Author',
    GIT_COMMITTER_EMAIL: 'author@example.test',
    GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: root,
  };
  const git = (cwd, ...args) => execFileSync('git', args, { cwd, env, stdio: 'pipe' });
  const work = join(root, 'work');
  mkdirSync(work);
  git(work, 'init', '-q', '-b', 'main');
  writeFileSync(join(work, 'README.md'), '# demo\n');
  git(work, 'add', 'README.md');
  git(work, 'commit', '-q', '-m', 'first', '--date', '2024-01-01T00:00:00Z');
  git(work, 'tag', 'v1');
  git(work, 'branch', 'topic');
  writeFileSync(join(work, 'notes.txt'), 'two\n');
  git(work, 'add', 'notes.txt');
  env.GIT_COMMITTER_DATE = '2024-01-02T00:00:00Z';
  git(work, 'commit', '-q', '-m', 'second', '--date', '2024-01-02T00:00:00Z');
  const repos = join(root, 'repos');
  mkdirSync(repos);
  git(root, 'clone', '-q', '--bare', work, join(repos, 'demo.git'));
  git(join(repos, 'demo.git'), 'remote', 'remove', 'origin');
  git(root, 'init', '-q', '--bare', '-b', 'main', join(repos, 'empty.git'));
  for (const name of ['demo.git', 'empty.git']) {
    git(join(repos, name), 'config', 'http.receivepack', 'true');
  }
  return repos;
}

supervise(async () => {
  aptInstall(
    ['git', 'lighttpd'],
    ['/usr/lib/git-core/git-http-backend', '/usr/sbin/lighttpd', '/usr/lib/lighttpd/mod_cgi.so'],
  );
  const ngs = npmInstall('node-git-server-1.0.0', ['node-git-server@1.0.0']);
  const [pl, pn] = [await freePort(), await freePort()];
  const state = freshDir('git-http');
  const seed = seedRepositories(state);
  const [lighttpdRoot, nodeRoot] = [join(state, 'lighttpd-repos'), join(state, 'node-repos')];
  cpSync(seed, lighttpdRoot, { recursive: true });
  cpSync(seed, nodeRoot, { recursive: true });
  // git-http-backend(1), "Examples", lighttpd.
  writeFileSync(
    join(state, 'lighttpd.conf'),
    [
      `server.document-root = "${join(state, 'www')}"`,
      'server.bind = "127.0.0.1"',
      `server.port = ${pl}`,
      `server.errorlog = "${join(state, 'error.log')}"`,
      'server.modules = ( "mod_alias", "mod_setenv", "mod_cgi" )',
      'alias.url += ( "/git" => "/usr/lib/git-core/git-http-backend" )',
      '$HTTP["url"] =~ "^/git" {',
      '  cgi.assign = ("" => "")',
      '  setenv.add-environment = (',
      `    "GIT_PROJECT_ROOT" => "${lighttpdRoot}",`,
      '    "GIT_HTTP_EXPORT_ALL" => ""',
      '  )',
      '}',
      '',
    ].join('\n'),
  );
  mkdirSync(join(state, 'www'));
  startProcess('lighttpd', '/usr/sbin/lighttpd', ['-D', '-f', join(state, 'lighttpd.conf')]);
  startProcess('node-git-server', process.execPath, [
    join(service, 'host.cjs'),
    ngs,
    nodeRoot,
    String(pn),
  ]);
  const baseline = `http://127.0.0.1:${pl}/git`;
  const candidate = `http://127.0.0.1:${pn}`;
  await waitForHttp(`${baseline}/demo.git/HEAD`);
  await waitForHttp(`${candidate}/demo.git/HEAD`);
  return {
    baseline: { name: 'git-http-backend-2.39+lighttpd', url: baseline },
    candidate: { name: 'node-git-server-1.0.0', url: candidate },
  };
});
