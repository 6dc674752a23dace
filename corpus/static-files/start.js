// Caddy 2.6 (Go, Debian; baseline) vs serve 14.2.4 (Node, npm; candidate):
// two static file servers on one fixed site, written afresh into a temporary
// folder at each start (SITE below), so every run reads the same files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  aptInstall,
  freePort,
  freshDir,
  npmInstall,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

/** The site both servers serve: a home page, assets, a JSON file, a folder without index. */
const SITE = {
  'index.html': '<!doctype html>\n<title>Home</title>\n<h1>Home</h1>\n',
  'about.html': '<!doctype html>\n<title>About</title>\n<p>About us.</p>\n',
  'css/site.css': 'body { font-family: sans-serif; }\n',
  'js/app.js': 'console.log("app");\n',
  'data/users.json': '{"users":[{"id":1,"name":"Ada"},{"id":2,"name":"Grace"}]}\n',
  'img/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n',
  'docs/readme.txt': 'Read me first.\n',
  'docs/notes.md': '# Notes\n',
  '.env': 'SECRET=not-for-the-web\n',
};

supervise(async () => {
  aptInstall(['caddy'], ['/usr/bin/caddy']);
  const serve = npmInstall('serve-14.2.4', ['serve@14.2.4']);
  const [pc, ps] = [await freePort(), await freePort()];
  const site = freshDir('site');
  for (const [file, body] of Object.entries(SITE)) {
    mkdirSync(dirname(join(site, file)), { recursive: true });
    writeFileSync(join(site, file), body);
  }
  // Caddy: the Caddyfile of its static-site quick start, with the admin
  // endpoint off and its data folder in a fresh temporary folder.
  const caddyHome = freshDir('caddy');
  writeFileSync(
    join(caddyHome, 'Caddyfile'),
    `{\n\tadmin off\n\tauto_https off\n}\n\nhttp://127.0.0.1:${pc} {\n\tbind 127.0.0.1\n\troot * ${site}\n\tfile_server browse\n}\n`,
  );
  const caddyEnv = {
    ...process.env,
    HOME: caddyHome,
    XDG_DATA_HOME: caddyHome,
    XDG_CONFIG_HOME: caddyHome,
  };
  startProcess(
    'caddy',
    '/usr/bin/caddy',
    ['run', '--config', join(caddyHome, 'Caddyfile'), '--adapter', 'caddyfile'],
    {
      env: caddyEnv,
    },
  );
  // serve: its defaults, no update check (it would reach the registry).
  const serveEnv = { ...process.env, NO_UPDATE_CHECK: '1' };
  startProcess(
    'serve',
    process.execPath,
    [
      join(serve, 'node_modules', 'serve', 'build', 'main.js'),
      '--listen',
      `tcp://127.0.0.1:${ps}`,
      '--no-clipboard',
      '--no-port-switching',
      site,
    ],
    { env: serveEnv },
  );
  await waitForHttp(`http://127.0.0.1:${pc}/`);
  await waitForHttp(`http://127.0.0.1:${ps}/`);
  return {
    baseline: { name: 'caddy', url: `http://127.0.0.1:${pc}` },
    candidate: { name: 'serve', url: `http://127.0.0.1:${ps}` },
  };
});
