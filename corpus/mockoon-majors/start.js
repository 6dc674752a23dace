// @mockoon/cli 2.4.0 (baseline) vs 9.9.0 (candidate): two majors of one npm
// mock API server, each serving the same environment file
// (environment.json: a task tracker's mock with a CRUD route over a data
// bucket, rules on body, header, query and route parameters, a sequential
// route, templating helpers). The file is written in 2.x's format
// (migration 27); 9.x migrates it on load (`--repair`, no prompt). Each side
// runs in the foreground on a free loopback port, with a fresh copy of the
// file and its own HOME (2.x writes its logs and process list there). 2.x's
// start command also asks PM2 for its process list, even in the foreground,
// which starts a PM2 daemon that outlives the server: once the server
// answers, `pm2 kill` on that HOME stops it (the server is not PM2's).
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  freePort,
  freshDir,
  npmInstall,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

const environment = fileURLToPath(new URL('./environment.json', import.meta.url));

supervise(async () => {
  const v2 = npmInstall('mockoon-2.4.0', ['@mockoon/cli@2.4.0']);
  const v9 = npmInstall('mockoon-9.9.0', ['@mockoon/cli@9.9.0']);
  const start = async (name, dir, script, flags, afterStart = () => {}) => {
    const port = await freePort();
    const home = freshDir(name);
    const data = join(home, 'environment.json');
    copyFileSync(environment, data);
    const bin = join(dir, 'node_modules', '@mockoon', 'cli', 'bin', script);
    const args = ['start', ...flags, '-r', '-d', data, '-p', String(port), '-l', '127.0.0.1'];
    const env = { ...process.env, HOME: home, PM2_HOME: join(home, '.pm2') };
    startProcess(name, process.execPath, [bin, ...args], { cwd: home, env });
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/api/v1/config`, 60_000);
    afterStart(dir, env);
    return { name, url };
  };
  const killPm2 = (dir, env) => {
    const pm2 = join(dir, 'node_modules', 'pm2', 'bin', 'pm2');
    spawnSync(process.execPath, [pm2, 'kill'], { env, stdio: 'ignore' });
  };
  return {
    baseline: await start('mockoon2', v2, 'run', ['-D'], killPm2),
    candidate: await start('mockoon9', v9, 'run.js', ['-X']),
  };
});
