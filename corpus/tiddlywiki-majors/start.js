// Two releases of one npm server, TiddlyWiki's Node.js server and its
// TiddlyWeb-style JSON API (status, the skinny tiddler list, one tiddler's
// PUT, GET and DELETE), eight years apart: TiddlyWiki 5.1.14 (2017, the old
// `--server` command, baseline) vs 5.3.8 (the `--listen` command and its
// route set, candidate). Each serves a fresh wiki folder made with
// `--init server` (the client-server edition, which saves tiddlers as files
// there), bound to 127.0.0.1, anonymous, with no credentials.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  freePort,
  freshDir,
  npmInstall,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

function initWiki(cli, label) {
  const wiki = join(freshDir(label), 'wiki');
  const res = spawnSync(process.execPath, [cli, wiki, '--init', 'server'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (res.status !== 0) throw new Error(`tiddlywiki --init server failed for ${label}`);
  return wiki;
}

supervise(async () => {
  const old = npmInstall('tiddlywiki-5.1.14', ['tiddlywiki@5.1.14']);
  const cur = npmInstall('tiddlywiki-5.3.8', ['tiddlywiki@5.3.8']);
  const oldCli = join(old, 'node_modules/tiddlywiki/tiddlywiki.js');
  const curCli = join(cur, 'node_modules/tiddlywiki/tiddlywiki.js');
  const [po, pc] = [await freePort(), await freePort()];
  const oldWiki = initWiki(oldCli, 'tiddlywiki-5.1.14');
  const curWiki = initWiki(curCli, 'tiddlywiki-5.3.8');
  // 5.1.14: --server <port> <root tiddler> <render type> <serve type>
  // <username> <password> <host>, as its documentation gives it.
  startProcess('tiddlywiki-5.1.14', process.execPath, [
    oldCli,
    oldWiki,
    '--server',
    String(po),
    '$:/core/save/all',
    'text/plain',
    'text/html',
    '',
    '',
    '127.0.0.1',
  ]);
  startProcess('tiddlywiki-5.3.8', process.execPath, [
    curCli,
    curWiki,
    '--listen',
    `port=${pc}`,
    'host=127.0.0.1',
  ]);
  const b = `http://127.0.0.1:${po}`;
  const c = `http://127.0.0.1:${pc}`;
  await waitForHttp(`${b}/status`, 60_000);
  await waitForHttp(`${c}/status`, 60_000);
  return {
    baseline: { name: 'tiddlywiki-5.1.14', url: b },
    candidate: { name: 'tiddlywiki-5.3.8', url: c },
  };
});
