// The Solid Protocol (Linked Data Platform containers and resources over
// HTTP: PUT, POST with a Slug, GET and HEAD by content negotiation between
// Turtle and JSON-LD, PATCH by N3 Patch and SPARQL Update, DELETE, the
// storage description, refusals), two independent implementations, both
// from npm: Node Solid Server 5.8.8 (baseline; `solid-server`, resources as
// files under a fresh root folder) vs Community Solid Server 7.1.9
// (candidate; `@solid/community-server`, its default configuration: resources
// in memory). Neither is asked to authenticate anyone: NSS runs without
// WebID (`--webid` off); it fills its fresh root with its welcome files and
// a root ACL that lets everyone read, and once it answers, start.js replaces
// that ACL with the one CSS's default configuration writes for itself
// (everyone may read, write, append and control, and so everything below),
// as an administrator edits the root ACL; so every request is allowed as the
// public's on both. Both bind 127.0.0.1 (loopback.cjs: CSS names no host).
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  freePort,
  freshDir,
  npmInstall,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

const here = dirname(fileURLToPath(import.meta.url));

supervise(async () => {
  const nss = npmInstall('solid-server-5.8.8', ['solid-server@5.8.8']);
  const css = npmInstall('community-solid-server-7.1.9', ['@solid/community-server@7.1.9']);
  const [pb, pc] = [await freePort(), await freePort()];
  const b = `http://127.0.0.1:${pb}`;
  const c = `http://127.0.0.1:${pc}`;
  const loopback = `--require ${join(here, '../lib/loopback.cjs')}`;

  // NSS keeps its config and its database folders under its working folder.
  const work = freshDir('solid-nss');
  const root = join(work, 'data');
  mkdirSync(root);
  startProcess(
    'solid-server-5.8.8',
    process.execPath,
    [
      join(nss, 'node_modules/solid-server/bin/solid.js'),
      'start',
      '--port',
      String(pb),
      '--root',
      root,
      '--server-uri',
      b,
      '--no-live',
      '--suppress-data-browser',
    ],
    { cwd: work, env: { ...process.env, NODE_OPTIONS: loopback } },
  );
  startProcess(
    'community-solid-server-7.1.9',
    process.execPath,
    [
      join(css, 'node_modules/@solid/community-server/bin/server.js'),
      '-p',
      String(pc),
      '-b',
      `${c}/`,
      '-l',
      'warn',
    ],
    { env: { ...process.env, NODE_OPTIONS: loopback } },
  );
  await waitForHttp(`${b}/`, 60_000);
  // NSS copies its welcome files in without waiting, while it already
  // answers; its last step fills in index.html's template. Once that is
  // done, the root ACL is replaced (NSS reads ACL documents from its folder
  // on every request), and reading it (which needs Control) proves it holds.
  const index = join(root, 'index.html');
  const deadline = Date.now() + 30_000;
  while (!(existsSync(index) && !readFileSync(index, 'utf8').includes('{{'))) {
    if (Date.now() > deadline) throw new Error('NSS did not write its welcome files');
    await new Promise((r) => setTimeout(r, 100));
  }
  // The root ACL CSS's default configuration writes for itself, copied.
  copyFileSync(
    join(css, 'node_modules/@solid/community-server/templates/root/intro/wac/.acl'),
    join(root, '.acl'),
  );
  const acl = await fetch(`${b}/.acl`);
  await acl.arrayBuffer();
  if (acl.status !== 200)
    throw new Error(`NSS: the root ACL is not in force (GET /.acl: ${acl.status})`);
  await waitForHttp(`${c}/`, 60_000);
  return {
    baseline: { name: 'solid-server-5.8.8', url: b },
    candidate: { name: 'community-solid-server-7.1.9', url: c },
  };
});
