// BitTorrent's HTTP tracker protocol (announce and scrape, bencoded answers),
// a C daemon from Debian vs a Node re-implementation from npm: opentracker
// (Debian `opentracker`, libowfat) vs bittorrent-tracker 11.2.3 (webtorrent's
// tracker, npm). Debian builds opentracker with an access whitelist, so it is
// given one (`whitelist.txt` in a fresh folder it chroots to) listing the two
// info hashes the library announces; bittorrent-tracker has no whitelist and
// tracks any hash. Both hold their swarms in memory, so every start is empty.
import { chmodSync, writeFileSync } from 'node:fs';
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

const here = dirname(fileURLToPath(import.meta.url));
const hashes = ['corpus-swarm-hash-01', 'corpus-swarm-hash-02'];

supervise(async () => {
  aptInstall(['opentracker'], ['/usr/bin/opentracker']);
  // --ignore-scripts: the package's client pulls in node-datachannel, whose
  // install script builds native WebRTC code from a git checkout; the
  // server does not load it.
  const dir = npmInstall('bittorrent-tracker-11.2.3', ['bittorrent-tracker@11.2.3'], {
    ignoreScripts: true,
  });
  const [po, pn] = [await freePort(), await freePort()];
  const root = freshDir('opentracker');
  writeFileSync(
    join(root, 'whitelist.txt'),
    hashes.map((h) => Buffer.from(h).toString('hex')).join('\n') + '\n',
  );
  chmodSync(root, 0o755); // read by `nobody` once opentracker drops root
  // -d chroots to the fresh folder (the whitelist is read there), -u drops
  // root for `nobody`; -P binds its UDP tracker to the same loopback port.
  startProcess(
    'opentracker',
    '/usr/bin/opentracker',
    [
      '-i',
      '127.0.0.1',
      '-p',
      String(po),
      '-P',
      String(po),
      '-d',
      root,
      '-u',
      'nobody',
      '-w',
      'whitelist.txt',
    ],
    { cwd: root },
  );
  startProcess('bittorrent-tracker', process.execPath, [
    join(here, '../lib/bittorrent-tracker-host.mjs'),
    dir,
    String(pn),
  ]);
  const ot = `http://127.0.0.1:${po}`;
  const bt = `http://127.0.0.1:${pn}`;
  await waitForHttp(`${ot}/scrape`, 30_000);
  await waitForHttp(`${bt}/stats.json`, 30_000);
  return {
    baseline: { name: 'opentracker-debian', url: ot },
    candidate: { name: 'bittorrent-tracker-11.2.3', url: bt },
  };
});
