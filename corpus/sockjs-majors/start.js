// SockJS (a WebSocket emulation whose HTTP transports a browser falls back
// to: XHR polling, JSONP polling; frames `o`, `a[…]`, `h`, `c[code,"reason"]`
// in each answer), two releases of one npm server nine years apart whose
// 0.x minor semver reads as a major: sockjs 0.2.1 (2012, baseline) vs sockjs
// 0.3.24 (2021, candidate). Each runs `service/host.cjs`: an echo service
// under /echo on a plain Node HTTP server bound to 127.0.0.1, in memory
// (every start has no session).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, npmInstall, startProcess, supervise, waitForHttp } from '../lib/supervise.js';

const here = dirname(fileURLToPath(import.meta.url));

supervise(async () => {
  const old = npmInstall('sockjs-0.2.1', ['sockjs@0.2.1']);
  const cur = npmInstall('sockjs-0.3.24', ['sockjs@0.3.24']);
  const [po, pc] = [await freePort(), await freePort()];
  const host = join(here, 'service/host.cjs');
  startProcess('sockjs-0.2.1', process.execPath, [host, old, String(po)]);
  startProcess('sockjs-0.3.24', process.execPath, [host, cur, String(pc)]);
  const b = `http://127.0.0.1:${po}`;
  const c = `http://127.0.0.1:${pc}`;
  // The host's own handler answers outside the prefix (404).
  await waitForHttp(`${b}/status`, 30_000);
  await waitForHttp(`${c}/status`, 30_000);
  return {
    baseline: { name: 'sockjs-0.2.1', url: b },
    candidate: { name: 'sockjs-0.3.24', url: c },
  };
});
