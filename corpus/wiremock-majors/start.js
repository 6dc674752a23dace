// WireMock 2.35.1 (baseline) vs 3.13.2 (candidate): two majors of one Java
// HTTP mock server (Jetty 9 vs Jetty 11), each the standalone jar the npm
// package `wiremock` bundles, run on Debian's Java 17. Each side starts on a
// free loopback port with a fresh copy of `root/` (the mappings and body
// files a team keeps in its repository) as its root folder.
import { cpSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  aptInstall,
  fail,
  freePort,
  freshDir,
  npmInstall,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

const root = join(dirname(fileURLToPath(import.meta.url)), 'root');
const java = '/usr/bin/java';

supervise(async () => {
  aptInstall(['openjdk-17-jre-headless'], [java]);
  const start = async (name, version, jarName) => {
    const jar = join(
      npmInstall(`wiremock-${version}`, [`wiremock@${version}`]),
      'node_modules/wiremock/build',
      jarName,
    );
    if (!existsSync(jar))
      fail(
        `${jar} is missing: the npm package wiremock@${version} no longer bundles its jar there`,
      );
    const dir = freshDir(name);
    cpSync(root, dir, { recursive: true });
    const port = await freePort();
    startProcess(name, java, [
      '-jar',
      jar,
      '--port',
      String(port),
      '--bind-address',
      '127.0.0.1',
      '--root-dir',
      dir,
      '--disable-banner',
    ]);
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/__admin/mappings`, 120_000);
    return { name, url };
  };
  return {
    baseline: await start('wiremock-2.35', '2.35.1', 'wiremock-jre8-standalone-2.35.1.jar'),
    candidate: await start('wiremock-3.13', '3.13.2', 'wiremock-standalone-3.13.2.jar'),
  };
});
