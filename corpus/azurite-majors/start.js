// Azurite 2.7.1 (baseline) vs 3.34.0 (candidate): an app and its rewrite.
// 2.x is the original JavaScript emulator of Azure Storage (Express, lokijs);
// 3.x is Microsoft's rewrite in TypeScript (handlers generated from the
// service's API description). The target is the Table service: Azure Table
// storage's JSON (OData) REST API, stateful. Each start is a fresh process on
// empty state (2.x on a fresh workspace folder, 3.x in memory), on a free
// 127.0.0.1 port; 2.x takes no host to bind, so it gets corpus/lib/loopback.cjs.
//
// 3.x refuses an unsigned request (403), so both targets carry the same
// account SAS for the emulator's well-known account `devstoreaccount1`, as a
// user who connects with a SAS URL does: every request sends it (2.x ignores
// it). It is signed here with the emulator's published key, for tables (`ss=t`),
// every resource type and permission, over http, until 2099.

import { createHmac } from 'node:crypto';
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

const account = 'devstoreaccount1';
/** The key every Azure Storage emulator publishes for `devstoreaccount1`. */
const emulatorKey =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const loopback = fileURLToPath(new URL('../lib/loopback.cjs', import.meta.url));

/** An account SAS query string (service version 2019-02-02's string to sign). */
function accountSas() {
  const sas = {
    sv: '2019-02-02',
    ss: 't',
    srt: 'sco',
    sp: 'rwdlacu',
    se: '2099-01-01T00:00:00Z',
    spr: 'http',
  };
  const toSign = [account, sas.sp, sas.ss, sas.srt, '', sas.se, '', sas.spr, sas.sv, ''].join('\n');
  const sig = createHmac('sha256', Buffer.from(emulatorKey, 'base64'))
    .update(toSign, 'utf8')
    .digest('base64');
  return new URLSearchParams({ ...sas, sig }).toString();
}

supervise(async () => {
  const v2 = npmInstall('azurite-2.7.1', ['azurite@2.7.1']);
  const v3 = npmInstall('azurite-3.34.0', ['azurite@3.34.0']);
  const query = accountSas();

  const port2 = await freePort();
  const workspace = freshDir('azurite2');
  const bin2 = join(v2, 'node_modules', 'azurite', 'bin', 'table');
  startProcess(
    'azurite2',
    process.execPath,
    ['--require', loopback, bin2, '-l', workspace, '--tablePort', String(port2)],
    {
      cwd: workspace,
    },
  );

  const port3 = await freePort();
  const cwd3 = freshDir('azurite3');
  const main3 = join(v3, 'node_modules', 'azurite', 'dist', 'src', 'table', 'main.js');
  const args3 = [
    main3,
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(port3),
    '--inMemoryPersistence',
    '--disableTelemetry',
    '--disableProductStyleUrl',
    '--skipApiVersionCheck',
    '--silent',
  ];
  startProcess('azurite3', process.execPath, args3, { cwd: cwd3 });

  await waitForHttp(`http://127.0.0.1:${port2}/`);
  await waitForHttp(`http://127.0.0.1:${port3}/`);
  const url = (port) => `http://127.0.0.1:${port}/${account}?${query}`;
  return {
    baseline: { name: 'azurite2', url: url(port2) },
    candidate: { name: 'azurite3', url: url(port3) },
  };
});
