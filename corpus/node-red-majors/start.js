// Node-RED 3.1.15 (baseline) vs 4.1.15 (candidate): two majors of one npm
// server, a flow-based programming tool. The target is its Admin HTTP API
// (JSON: the flows, one flow, the node sets, the settings, context) and the
// HTTP endpoints a deployed flow serves (`http in` nodes), stateful: the
// library deploys flows and then calls them. Each start is a fresh process
// on a fresh user folder (no flows, no context), on a free 127.0.0.1 port,
// with the same settings file for both majors: no admin login, no projects,
// no palette installs, no telemetry, logging to the console only at `warn`.
// The editor stays on, as it is by default. Both install from the registry
// alone (bcrypt's install script is not needed: Node-RED falls back to
// bcryptjs).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  freePort,
  freshDir,
  npmInstall,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

/** The settings both majors start with (a CommonJS module, as Node-RED reads it). */
function settings(port) {
  const value = {
    uiHost: '127.0.0.1',
    uiPort: port,
    flowFile: 'flows.json',
    credentialSecret: false,
    logging: { console: { level: 'warn', metrics: false, audit: false } },
    editorTheme: { tours: false, projects: { enabled: false } },
    telemetry: { enabled: false },
    externalModules: { autoInstall: false, palette: { allowInstall: false } },
    functionExternalModules: false,
  };
  return `module.exports = ${JSON.stringify(value, null, 2)};\n`;
}

supervise(async () => {
  const start = async (name, version) => {
    const dir = npmInstall(`node-red-${version}`, [`node-red@${version}`]);
    const bin = join(dir, 'node_modules/node-red/red.js');
    const port = await freePort();
    const userDir = freshDir(name);
    const settingsFile = join(userDir, 'settings.js');
    writeFileSync(settingsFile, settings(port));
    const args = ['--settings', settingsFile, '--userDir', userDir, '--port', String(port)];
    startProcess(name, process.execPath, [bin, ...args], { cwd: userDir });
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/settings`, 60_000);
    return { name, url };
  };
  return {
    baseline: await start('nodered3', '3.1.15'),
    candidate: await start('nodered4', '4.1.15'),
  };
});
