// PeerJS's signalling server over HTTP (the server's description, fresh
// peer ids, discovery of the connected peers, the XHR signalling calls a
// client without a WebSocket sends), two majors of one npm server: peer
// 0.2.10 (baseline; JavaScript, XHR streaming and calls beside the
// WebSocket) vs peer 1.0.2 (candidate; rewritten in TypeScript, WebSocket
// only). Each runs `service/host.cjs`: `ExpressPeerServer` mounted at
// /myapp with discovery on, in an Express app on a plain Node HTTP server
// bound to 127.0.0.1; two peers, `alice` and `bob`, connect by WebSocket
// once it listens. In memory: every start has those two peers and no other.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, npmInstall, startProcess, supervise, waitForHttp } from '../lib/supervise.js';

const here = dirname(fileURLToPath(import.meta.url));

supervise(async () => {
  // `ws` and `express` are the server's own dependencies; the host loads
  // them from its install folder.
  const old = npmInstall('peer-0.2.10', ['peer@0.2.10']);
  const cur = npmInstall('peer-1.0.2', ['peer@1.0.2']);
  const [po, pc] = [await freePort(), await freePort()];
  const host = join(here, 'service/host.cjs');
  startProcess('peer-0.2.10', process.execPath, [host, old, String(po)]);
  startProcess('peer-1.0.2', process.execPath, [host, cur, String(pc)]);
  const b = `http://127.0.0.1:${po}`;
  const c = `http://127.0.0.1:${pc}`;
  await waitForHttp(`${b}/myapp`, 30_000);
  await waitForHttp(`${c}/myapp`, 30_000);
  // Both peers are listed once their WebSockets are open.
  for (const url of [b, c]) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const res = await fetch(`${url}/myapp/peerjs/peers`);
      const peers = res.status === 200 ? await res.json() : [];
      if (Array.isArray(peers) && peers.length === 2) break;
      if (Date.now() > deadline) throw new Error(`${url}: alice and bob did not connect`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    baseline: { name: 'peer-0.2.10', url: b },
    candidate: { name: 'peer-1.0.2', url: c },
  };
});
