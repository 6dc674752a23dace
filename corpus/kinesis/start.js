// kinesalite 3.3.3 (Node; baseline) vs kinesis-local 0.6.2, the npm build of
// kinesis-mock (Scala compiled to JavaScript; candidate): two independent
// re-implementations of the AWS Kinesis JSON API, each in memory and empty at
// start. Streams become ACTIVE at once (create/delete durations 0) so no case
// depends on timing. Neither takes a host to bind: both start with the
// loopback preload, so they listen on 127.0.0.1 only (kinesis-mock's TLS port
// too).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, npmInstall, startProcess, supervise, waitForHttp } from '../lib/supervise.js';

const loopback = fileURLToPath(new URL('../lib/loopback.cjs', import.meta.url));

supervise(async () => {
  const lite = npmInstall('kinesalite-3.3.3', ['kinesalite@3.3.3']);
  const mock = npmInstall('kinesis-local-0.6.2', ['kinesis-local@0.6.2']);
  const [pl, pm, pmTls] = [await freePort(), await freePort(), await freePort()];
  const env = { ...process.env, NODE_OPTIONS: `--require ${loopback}` };
  startProcess(
    'kinesalite',
    process.execPath,
    [
      join(lite, 'node_modules', 'kinesalite', 'cli.js'),
      '--port',
      String(pl),
      '--createStreamMs',
      '0',
      '--deleteStreamMs',
      '0',
      '--updateStreamMs',
      '0',
    ],
    { env },
  );
  // kinesis-mock reads its TLS settings (server.json) from the working folder.
  const mockDir = join(mock, 'node_modules', 'kinesis-local');
  startProcess('kinesis-mock', process.execPath, [join(mockDir, 'main.js')], {
    cwd: mockDir,
    env: {
      ...env,
      KINESIS_MOCK_PLAIN_PORT: String(pm),
      KINESIS_MOCK_TLS_PORT: String(pmTls),
      CREATE_STREAM_DURATION: '0ms',
      DELETE_STREAM_DURATION: '0ms',
      SHOULD_PERSIST_DATA: 'false',
    },
  });
  await waitForHttp(`http://127.0.0.1:${pl}/`);
  await waitForHttp(`http://127.0.0.1:${pm}/`, 60_000);
  return {
    baseline: { name: 'kinesalite', url: `http://127.0.0.1:${pl}` },
    candidate: { name: 'kinesis-mock', url: `http://127.0.0.1:${pm}` },
  };
});
