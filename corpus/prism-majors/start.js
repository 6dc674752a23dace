// @stoplight/prism-cli 3.3.7 (baseline) vs 5.14.2 (candidate): two majors of
// one npm mock server that serves an OpenAPI document (examples, request
// validation, content negotiation, the `Prefer` header, security schemes),
// both mocking the same document (openapi.yaml beside this file, copied into
// a fresh folder) in static mode on a free 127.0.0.1 port. 5.14.2 is the last
// 5.x that runs on Node 20 (5.15 and later ask for Node 24); its prism-core
// and prism-http-server are pinned to the releases a caret range gave while
// 5.14.2 was current (5.8.0 and 5.12.2), since the next ones need Node 24 too.
// The baseline is 3.3.7, the last 3.x, rather than a 4.x: over every request
// of the library 4.14.1 answers exactly as 5.14.2 does (checked with curl), so
// the pair is a team still on 3.x that moves to the current 5.x.
import { copyFileSync } from 'node:fs';
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
  const start = async (name, version, specs) => {
    const dir = npmInstall(`prism-cli-${version}`, specs);
    const bin = join(dir, 'node_modules/@stoplight/prism-cli/dist/index.js');
    const port = await freePort();
    const cwd = freshDir(name);
    copyFileSync(join(here, 'openapi.yaml'), join(cwd, 'openapi.yaml'));
    const args = [bin, 'mock', '-h', '127.0.0.1', '-p', String(port), 'openapi.yaml'];
    startProcess(name, process.execPath, args, { cwd });
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/health`, 60_000);
    return { name, url };
  };
  return {
    baseline: await start('prism3', '3.3.7', ['@stoplight/prism-cli@3.3.7']),
    candidate: await start('prism5', '5.14.2', [
      '@stoplight/prism-cli@5.14.2',
      '@stoplight/prism-core@5.8.0',
      '@stoplight/prism-http-server@5.12.2',
    ]),
  };
});
