// The Bayeux protocol (publish/subscribe over HTTP long-polling: JSON
// message arrays POSTed to one endpoint, JSONP by GET), two majors of one
// npm server nine years apart: Faye 0.6.6 (2011, baseline) vs Faye 1.4.0
// (2020, candidate). Each runs `service/host.cjs`: a NodeAdapter mounted at
// /bayeux on a plain Node HTTP server bound to 127.0.0.1, long-poll timeout
// 5 s, in memory (every start has no client and no subscription).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, npmInstall, startProcess, supervise, waitForHttp } from '../lib/supervise.js';

const here = dirname(fileURLToPath(import.meta.url));

supervise(async () => {
  const old = npmInstall('faye-0.6.6', ['faye@0.6.6']);
  const cur = npmInstall('faye-1.4.0', ['faye@1.4.0']);
  const [po, pc] = [await freePort(), await freePort()];
  const host = join(here, 'service/host.cjs');
  startProcess('faye-0.6.6', process.execPath, [host, old, String(po)]);
  startProcess('faye-1.4.0', process.execPath, [host, cur, String(pc)]);
  const b = `http://127.0.0.1:${po}`;
  const c = `http://127.0.0.1:${pc}`;
  // The host's own handler answers outside the mount (404).
  await waitForHttp(`${b}/status`, 30_000);
  await waitForHttp(`${c}/status`, 30_000);
  return {
    baseline: { name: 'faye-0.6.6', url: b },
    candidate: { name: 'faye-1.4.0', url: c },
  };
});
