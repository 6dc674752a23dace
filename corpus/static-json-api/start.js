// Hugo's development server 0.111 (Go, Debian; baseline) vs lighttpd 1.4.69
// (C, Debian; candidate) serving one static JSON API: the same files, written
// afresh at each start (FILES below). Most files are JSON without a file
// extension (`/api/users/1`, `/.well-known/apple-app-site-association`), as
// such APIs and well-known documents are published: Hugo answers them
// `text/plain; charset=utf-8` (Go sniffs the bytes), lighttpd
// `application/octet-stream`. The library sends no Accept header.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  aptInstall,
  freePort,
  freshDir,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

/** The published API: one JSON document per resource. */
const FILES = {
  'index.html':
    '<!doctype html>\n<title>Users API</title>\n<p>See <a href="/api/all-users">/api/all-users</a>.</p>\n',
  'api/all-users':
    '{"users":[{"id":1,"name":"Ada Lovelace"},{"id":2,"name":"Grace Hopper"}],"total":2}\n',
  'api/users-1': '{"id":1,"name":"Ada Lovelace","roles":["admin"],"active":true}\n',
  'api/users-2': '{"id":2,"name":"Grace Hopper","roles":[],"active":false}\n',
  'api/version': '{"api":"1.4.0","generated":"2026-01-01"}\n',
  'api/schema.json': '{"type":"object","required":["id","name"]}\n',
  '.well-known/apple-app-site-association':
    '{"applinks":{"apps":[],"details":[{"appID":"ABCDE12345.com.example.app","paths":["/users/*"]}]}}\n',
  '.well-known/assetlinks.json':
    '[{"relation":["delegate_permission/common.handle_all_urls"],"target":{"namespace":"android_app","package_name":"com.example.app"}}]\n',
  'robots.txt': 'User-agent: *\nDisallow:\n',
};

supervise(async () => {
  aptInstall(['hugo', 'lighttpd'], ['/usr/bin/hugo', '/usr/sbin/lighttpd']);
  const [ph, pl] = [await freePort(), await freePort()];
  const hugoSite = freshDir('hugo');
  const lighttpdState = freshDir('lighttpd-static');
  const roots = [join(hugoSite, 'static'), join(lighttpdState, 'root')];
  for (const root of roots) {
    for (const [file, body] of Object.entries(FILES)) {
      const path = join(root, file.replace(/^api\/users-(\d)$/, 'api/users/$1'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, body);
    }
  }
  // A Hugo site with no content of its own: only its static/ folder is served.
  writeFileSync(
    join(hugoSite, 'config.toml'),
    'baseURL = "/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", "section", "page", "404"]\n',
  );
  startProcess(
    'hugo',
    '/usr/bin/hugo',
    [
      'server',
      '--source',
      hugoSite,
      '--bind',
      '127.0.0.1',
      '--port',
      String(ph),
      '--disableLiveReload',
      '--appendPort=false',
      '--baseURL',
      '/',
    ],
    { env: { ...process.env, HOME: hugoSite } },
  );
  writeFileSync(
    join(lighttpdState, 'lighttpd.conf'),
    [
      `server.document-root = "${roots[1]}"`,
      'server.bind = "127.0.0.1"',
      `server.port = ${pl}`,
      `server.errorlog = "${join(lighttpdState, 'error.log')}"`,
      'index-file.names = ( "index.html" )',
      'include_shell "/usr/share/lighttpd/create-mime.conf.pl"',
      '',
    ].join('\n'),
  );
  startProcess('lighttpd', '/usr/sbin/lighttpd', [
    '-D',
    '-f',
    join(lighttpdState, 'lighttpd.conf'),
  ]);
  await waitForHttp(`http://127.0.0.1:${ph}/`);
  await waitForHttp(`http://127.0.0.1:${pl}/`);
  return {
    baseline: { name: 'hugo', url: `http://127.0.0.1:${ph}` },
    candidate: { name: 'lighttpd', url: `http://127.0.0.1:${pl}` },
  };
});
