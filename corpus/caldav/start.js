// Radicale 3.1.8 (baseline) vs Xandikos 0.2.8 (candidate), both Python
// CalDAV/CardDAV servers from Debian, each on a fresh empty storage folder.
// Radicale runs without its system config (`--config ""`) and with
// `--auth-type none` (any user name and password); Xandikos creates the
// principal `/ada/` on first use (`--autocreate`).
import {
  aptInstall,
  freePort,
  freshDir,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

supervise(async () => {
  aptInstall(['radicale', 'xandikos'], ['/usr/bin/radicale', '/usr/bin/xandikos']);
  const [pr, px] = [await freePort(), await freePort()];
  startProcess('radicale', '/usr/bin/radicale', [
    '--config',
    '',
    '--server-hosts',
    `127.0.0.1:${pr}`,
    '--auth-type',
    'none',
    '--storage-filesystem-folder',
    freshDir('radicale'),
  ]);
  startProcess('xandikos', '/usr/bin/xandikos', [
    '-d',
    freshDir('xandikos'),
    '-l',
    '127.0.0.1',
    '-p',
    String(px),
    '--autocreate',
    '--current-user-principal',
    '/ada/',
  ]);
  await waitForHttp(`http://127.0.0.1:${pr}/`);
  await waitForHttp(`http://127.0.0.1:${px}/`);
  return {
    baseline: { name: 'radicale', url: `http://127.0.0.1:${pr}` },
    candidate: { name: 'xandikos', url: `http://127.0.0.1:${px}` },
  };
});
