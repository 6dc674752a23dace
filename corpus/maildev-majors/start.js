// maildev 2.2.1 (baseline, an Express app) vs 3.0.0 (candidate, its rewrite on
// Fastify): two majors of one npm server, an SMTP catcher with a JSON REST API
// over the mail it caught (stateful: read, mark read, delete). Each start is a
// fresh process with in-memory mail on free loopback ports (SMTP and web); the
// same two messages (seed.js) are sent to both over SMTP before READY, since
// the REST API has no way to add mail. 3.0.0 serves its REST API under /api
// (the web UI has `/`), so the candidate's target is `…/api`: the library
// asks both the same REST paths, as a user who moves to 3.x would.
import { join } from 'node:path';
import {
  freePort,
  freshDir,
  npmInstall,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';
import { messages, sendMail } from './seed.js';

supervise(async () => {
  const v2 = npmInstall('maildev-2.2.1', ['maildev@2.2.1']);
  const v3 = npmInstall('maildev-3.0.0', ['maildev@3.0.0']);
  const start = async (name, bin, apiPath) => {
    const [smtp, web] = [await freePort(), await freePort()];
    const args = ['-s', smtp, '-w', web, '--ip', '127.0.0.1', '--web-ip', '127.0.0.1', '--silent'];
    // A fresh working folder that is also its TMPDIR (2.x keeps caught mail
    // in os.tmpdir()/maildev-PID and never removes it, 3.x in
    // os.tmpdir()/maildev), and no MAILDEV_* variable from the caller's
    // environment (3.x reads them, and a config file from its folder).
    const dir = freshDir(name);
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('MAILDEV_')),
    );
    startProcess(name, process.execPath, [bin, ...args.map(String)], {
      cwd: dir,
      env: { ...env, TMPDIR: dir },
    });
    const url = `http://127.0.0.1:${web}${apiPath}`;
    await waitForHttp(`${url}/healthz`);
    for (const message of messages) await sendMail(smtp, message);
    // Both store a message once the SMTP transaction ends; wait until the list holds them.
    for (let i = 0; ; i++) {
      const list = await (await fetch(`${url}/email`)).json();
      if (Array.isArray(list) && list.length === messages.length) break;
      if (i > 100) throw new Error(`${name}: the seeded mail did not arrive`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { name, url };
  };
  return {
    baseline: await start('maildev2', join(v2, 'node_modules/maildev/bin/maildev'), ''),
    candidate: await start(
      'maildev3',
      join(v3, 'node_modules/maildev/dist/bin/maildev.js'),
      '/api',
    ),
  };
});
