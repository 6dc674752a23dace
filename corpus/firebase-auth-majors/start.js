// firebase-tools 12.9.1 (baseline) vs 15.34.2 (candidate): two majors of the
// Firebase CLI's Authentication emulator, an npm server that answers Google's
// Identity Toolkit REST API (`/identitytoolkit.googleapis.com/v1/accounts:…`:
// sign-up, sign-in with a password, account lookup, update and delete,
// out-of-band codes), the Secure Token API (`/securetoken.googleapis.com/v1/
// token`: a refresh token exchanged) and the emulator's own API
// (`/emulator/v1/projects/…`: its config, the codes it sent, a reset), every
// refusal a JSON envelope `{"error": {"code", "message", "errors"}}`.
// Each side is started by its own CLI (`emulators:start --only auth`) in a
// fresh folder holding one firebase.json (the emulator, the hub and the
// logging emulator on free 127.0.0.1 ports, no UI), with a `demo-` project
// (no login, no network) and a fresh HOME (no stored CLI state); its
// accounts live in memory.
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

const project = 'demo-parity';

supervise(async () => {
  const start = async (name, version) => {
    // Install scripts skipped: they only build `re2` (a native regular
    // expression engine the hosting emulator uses), which finds no prebuilt
    // binary offline and compiles for minutes; the Authentication emulator
    // does not load it.
    const dir = npmInstall(`firebase-tools-${version}`, [`firebase-tools@${version}`], {
      ignoreScripts: true,
    });
    const bin = join(dir, 'node_modules/firebase-tools/lib/bin/firebase.js');
    const cwd = freshDir(name);
    const home = freshDir(`${name}-home`);
    // The CLI writes its hub locator to os.tmpdir() under the project's name:
    // two sides sharing one TMPDIR would each find the other's hub.
    const tmp = freshDir(`${name}-tmp`);
    const [port, hub, logging] = [await freePort(), await freePort(), await freePort()];
    const config = {
      emulators: {
        auth: { host: '127.0.0.1', port },
        hub: { host: '127.0.0.1', port: hub },
        logging: { host: '127.0.0.1', port: logging },
        ui: { enabled: false },
        singleProjectMode: true,
      },
    };
    writeFileSync(join(cwd, 'firebase.json'), `${JSON.stringify(config, null, 2)}\n`);
    const env = {
      ...process.env,
      HOME: home,
      TMPDIR: tmp,
      XDG_CONFIG_HOME: join(home, '.config'),
      CI: 'true',
    };
    const args = [bin, 'emulators:start', '--only', 'auth', '--project', project];
    startProcess(name, process.execPath, args, { cwd, env });
    const url = `http://127.0.0.1:${port}`;
    // The CLI waits on fetches that cannot leave this machine (its notices,
    // remote config) before it starts the emulator: a minute or more.
    await waitForHttp(url, 240_000);
    return { name, url };
  };
  // Started side by side: each CLI spends most of its start waiting.
  const [baseline, candidate] = await Promise.all([
    start('firebase-12', '12.9.1'),
    start('firebase-15', '15.34.2'),
  ]);
  return { baseline, candidate };
});
