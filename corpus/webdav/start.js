// lighttpd 1.4 with mod_webdav (Debian, C; baseline) vs npm's webdav-server
// 2.6.2 (Node; candidate): two WebDAV servers, an XML API with state. Each
// start serves a fresh empty folder (lighttpd) or a fresh in-memory tree
// (webdav-server).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

supervise(async () => {
  aptInstall(
    ['lighttpd', 'lighttpd-mod-webdav'],
    ['/usr/sbin/lighttpd', '/usr/lib/lighttpd/mod_webdav.so'],
  );
  const dav = npmInstall('webdav-server-2.6.2', ['webdav-server@2.6.2']);
  const [pl, pw] = [await freePort(), await freePort()];
  const state = freshDir('lighttpd');
  mkdirSync(join(state, 'root'));
  // The configuration a new user writes from lighttpd's mod_webdav page, with
  // Debian's MIME table (as Debian's own lighttpd.conf includes it).
  writeFileSync(
    join(state, 'lighttpd.conf'),
    [
      `server.document-root = "${join(state, 'root')}"`,
      'server.bind = "127.0.0.1"',
      `server.port = ${pl}`,
      `server.errorlog = "${join(state, 'error.log')}"`,
      'server.modules = ( "mod_webdav" )',
      'webdav.activate = "enable"',
      'webdav.is-readonly = "disable"',
      `webdav.sqlite-db-name = "${join(state, 'webdav.db')}"`,
      'include_shell "/usr/share/lighttpd/create-mime.conf.pl"',
      '',
    ].join('\n'),
  );
  startProcess('lighttpd', '/usr/sbin/lighttpd', ['-D', '-f', join(state, 'lighttpd.conf')]);
  const main = fileURLToPath(new URL('./webdav-server-main.cjs', import.meta.url));
  startProcess('webdav-server', process.execPath, [main, String(pw), dav]);
  await waitForHttp(`http://127.0.0.1:${pl}/`);
  await waitForHttp(`http://127.0.0.1:${pw}/`);
  return {
    baseline: { name: 'lighttpd', url: `http://127.0.0.1:${pl}` },
    candidate: { name: 'webdav-server', url: `http://127.0.0.1:${pw}` },
  };
});
