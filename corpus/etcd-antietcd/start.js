// etcd 3.4.23 (baseline, Go, Debian's etcd-server) vs antietcd 1.3.1
// (candidate, npm): a Go key-value store and a Node re-implementation of its
// JSON API, the gRPC gateway under /v3 (keys and values in base64, 64-bit
// numbers as strings): put, range, delete, transactions, leases and the
// maintenance status. Each side is one node on a fresh empty store: etcd on
// its own data folder with its peer port on loopback too, antietcd in memory
// (no `--data`), both bound to 127.0.0.1, as a developer runs either for
// tests.
import { join } from 'node:path';
import {
  aptInstall,
  freePort,
  freshDir,
  npmInstall,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

supervise(async () => {
  aptInstall(['etcd-server'], ['/usr/bin/etcd']);
  const dir = npmInstall('antietcd-1.3.1', ['antietcd@1.3.1']);
  const [pe, peer, pa] = [await freePort(), await freePort(), await freePort()];
  const etcdUrl = `http://127.0.0.1:${pe}`;
  const peerUrl = `http://127.0.0.1:${peer}`;
  startProcess('etcd', '/usr/bin/etcd', [
    '--name',
    'corpus',
    '--data-dir',
    join(freshDir('etcd'), 'data'),
    '--listen-client-urls',
    etcdUrl,
    '--advertise-client-urls',
    etcdUrl,
    '--listen-peer-urls',
    peerUrl,
    '--initial-advertise-peer-urls',
    peerUrl,
    '--initial-cluster',
    `corpus=${peerUrl}`,
    '--log-level',
    'warn',
  ]);
  const bin = join(dir, 'node_modules/antietcd/antietcd-app.js');
  startProcess('antietcd', process.execPath, [bin, '--ip', '127.0.0.1', '--port', String(pa)], {
    cwd: freshDir('antietcd'),
  });
  await waitForHttp(`${etcdUrl}/health`, 60_000);
  await waitForHttp(`http://127.0.0.1:${pa}/`, 60_000);
  return {
    baseline: { name: 'etcd-3.4', url: etcdUrl },
    candidate: { name: 'antietcd-1.3', url: `http://127.0.0.1:${pa}` },
  };
});
