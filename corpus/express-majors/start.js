// One Express app on two majors of Express: a bookmarks service written once
// the way Express's guide writes an app (a router, express.json and
// express.urlencoded as they come, express.static over a folder with a
// dotfile folder and a docs folder, a JSON error handler at the end;
// service/bookmarks.cjs), run unchanged on express 4.22.3 (baseline) and
// 5.3.0 (candidate), each from npm, NODE_ENV=production, on free loopback
// ports. Add (JSON and form), read, list with filters and sorting by the
// query string, change, star (a redirect back), visit (a redirect out),
// export by a format in the path, remove; refusals as JSON errors.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, npmInstall, startProcess, supervise, waitForHttp } from '../lib/supervise.js';

const service = join(dirname(fileURLToPath(import.meta.url)), 'service');

supervise(async () => {
  async function start(label, version) {
    const dir = npmInstall(`express-${version}`, [`express@${version}`]);
    const port = await freePort();
    startProcess(
      label,
      process.execPath,
      [
        join(service, 'bookmarks.cjs'),
        join(dir, 'node_modules/express'),
        join(service, 'public'),
        String(port),
      ],
      { env: { ...process.env, NODE_ENV: 'production' } },
    );
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/health`, 30_000);
    return { name: label, url };
  }
  return {
    baseline: await start('express-4.22.3', '4.22.3'),
    candidate: await start('express-5.3.0', '5.3.0'),
  };
});
