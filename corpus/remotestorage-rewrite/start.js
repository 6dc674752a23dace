// The remoteStorage protocol (draft-dejong-remotestorage: WebFinger
// discovery, the OAuth implicit grant by a sign-in form, then documents and
// folder listings under /storage/<user>/ with a bearer token, ETags and
// conditional writes, public documents), a server and its complete rewrite
// by another team, both from npm: reStore 0.3.0 (baseline; jcoglan's, 2015)
// vs Armadietto 0.6.6 (candidate; "a complete rewrite of reStore", its
// classic monolithic server). Each runs on a fresh storage folder with
// sign-up allowed and HTTP only: reStore from `service/restore-host.cjs`
// (its README's start), Armadietto from its own CLI with a config file
// written into a fresh folder (its example configuration, bound to
// 127.0.0.1, no HTTPS, logs in that folder).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  freePort,
  freshDir,
  npmInstall,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

const here = dirname(fileURLToPath(import.meta.url));

supervise(async () => {
  // reStore's dependencies have open ranges ("", ">= 2.0.0"): their
  // releases of its time are pinned beside it, since today's mkdirp (3.x)
  // exports no function and today's ejs renders its views otherwise.
  const restore = npmInstall('restore-0.3.0', [
    'restore@0.3.0',
    'mkdirp@0.5.6',
    'ejs@2.7.4',
    'async@1.5.2',
    'lockfile@1.0.4',
    'redis@2.8.0',
  ]);
  const armadietto = npmInstall('armadietto-0.6.6', ['armadietto@0.6.6']);
  const [pb, pc] = [await freePort(), await freePort()];

  const restoreDir = freshDir('restore');
  startProcess('restore-0.3.0', process.execPath, [
    join(here, 'service/restore-host.cjs'),
    restore,
    restoreDir,
    String(pb),
  ]);

  const armadiettoDir = freshDir('armadietto');
  const conf = join(armadiettoDir, 'conf.json');
  writeFileSync(
    conf,
    JSON.stringify({
      allow_signup: true,
      storage_path: join(armadiettoDir, 'storage'),
      cache_views: true,
      http: { host: '127.0.0.1', port: pc },
      https: { enable: false, force: false },
      logging: { log_dir: join(armadiettoDir, 'logs'), stdout: ['info'], log_files: ['error'] },
      basePath: '',
    }),
  );
  startProcess(
    'armadietto-0.6.6',
    process.execPath,
    [join(armadietto, 'node_modules/armadietto/bin/armadietto.js'), '-c', conf],
    { cwd: armadiettoDir },
  );
  const b = `http://127.0.0.1:${pb}`;
  const c = `http://127.0.0.1:${pc}`;
  await waitForHttp(`${b}/`, 30_000);
  await waitForHttp(`${c}/`, 30_000);
  return {
    baseline: { name: 'restore-0.3.0', url: b },
    candidate: { name: 'armadietto-0.6.6', url: c },
  };
});
