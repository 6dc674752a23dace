// BitTorrent's HTTP tracker protocol (announce and scrape, bencoded answers),
// two majors of one npm server: webtorrent's bittorrent-tracker 9.19.0
// (CommonJS, `bencode` 2) vs 11.2.3 (ESM, `bencode` 4). Each is its Server
// alone, HTTP only, statistics on (corpus/lib/bittorrent-tracker-host.mjs). Both hold their swarms
// in memory, so every start is empty.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, npmInstall, startProcess, supervise, waitForHttp } from '../lib/supervise.js';

const here = dirname(fileURLToPath(import.meta.url));

supervise(async () => {
  // --ignore-scripts: the package's client pulls in native WebRTC and
  // WebSocket helpers whose install scripts build code; the server loads none.
  const old = npmInstall('bittorrent-tracker-9.19.0', ['bittorrent-tracker@9.19.0'], {
    ignoreScripts: true,
  });
  const neu = npmInstall('bittorrent-tracker-11.2.3', ['bittorrent-tracker@11.2.3'], {
    ignoreScripts: true,
  });
  const [po, pn] = [await freePort(), await freePort()];
  const host = join(here, '../lib/bittorrent-tracker-host.mjs');
  startProcess('bittorrent-tracker-9', process.execPath, [host, old, String(po)]);
  startProcess('bittorrent-tracker-11', process.execPath, [host, neu, String(pn)]);
  const b = `http://127.0.0.1:${po}`;
  const c = `http://127.0.0.1:${pn}`;
  await waitForHttp(`${b}/stats.json`, 30_000);
  await waitForHttp(`${c}/stats.json`, 30_000);
  return {
    baseline: { name: 'bittorrent-tracker-9.19.0', url: b },
    candidate: { name: 'bittorrent-tracker-11.2.3', url: c },
  };
});
