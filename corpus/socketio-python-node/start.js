// Socket.IO over HTTP long-polling (Engine.IO protocol 4, Socket.IO protocol
// 5: a handshake, then packets POSTed as text and collected by GET polls),
// one chat service on two independent implementations: python-socketio 5.7.2
// on python-engineio 4.3.4 under aiohttp (Debian `python3-socketio`,
// baseline, `service/app.py`) vs socket.io 4.8.1 on a plain Node HTTP
// server (npm, candidate, `service/app.cjs`). Both bound to 127.0.0.1, in
// memory (every start has no session).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  aptInstall,
  freePort,
  npmInstall,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

const here = dirname(fileURLToPath(import.meta.url));

supervise(async () => {
  aptInstall(
    ['python3-socketio', 'python3-aiohttp'],
    [
      '/usr/bin/python3',
      '/usr/lib/python3/dist-packages/socketio/__init__.py',
      '/usr/lib/python3/dist-packages/aiohttp/__init__.py',
    ],
  );
  const node = npmInstall('socket.io-4.8.1', ['socket.io@4.8.1']);
  const [pp, pn] = [await freePort(), await freePort()];
  startProcess('python-socketio', '/usr/bin/python3', [join(here, 'service/app.py'), String(pp)]);
  startProcess('socket.io-4.8.1', process.execPath, [
    join(here, 'service/app.cjs'),
    node,
    String(pn),
  ]);
  const b = `http://127.0.0.1:${pp}`;
  const c = `http://127.0.0.1:${pn}`;
  // Any answer will do (a 400 without a query on both).
  await waitForHttp(`${b}/socket.io/`, 30_000);
  await waitForHttp(`${c}/socket.io/`, 30_000);
  return {
    baseline: { name: 'python-socketio-5.7.2', url: b },
    candidate: { name: 'socket.io-4.8.1', url: c },
  };
});
