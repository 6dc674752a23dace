// s3rver 2.2.9 (baseline) vs 3.7.1 (candidate): two majors of one npm fake S3
// server, an XML API with state. Each start gets a fresh, empty data folder.
import { join } from 'node:path';
import {
  freePort,
  freshDir,
  npmInstall,
  startProcess,
  supervise,
  waitForHttp,
} from '../lib/supervise.js';

supervise(async () => {
  const v2 = npmInstall('s3rver-2.2.9', ['s3rver@2.2.9']);
  const v3 = npmInstall('s3rver-3.7.1', ['s3rver@3.7.1']);
  const [p2, p3] = [await freePort(), await freePort()];
  const cli = (dir) => join(dir, 'node_modules', 's3rver', 'bin', 's3rver.js');
  startProcess('s3rver2', process.execPath, [
    cli(v2),
    '--hostname',
    '127.0.0.1',
    '--port',
    String(p2),
    '--directory',
    freshDir('s3rver2'),
    '--silent',
  ]);
  startProcess('s3rver3', process.execPath, [
    cli(v3),
    '--address',
    '127.0.0.1',
    '--port',
    String(p3),
    '--directory',
    freshDir('s3rver3'),
    '--silent',
  ]);
  await waitForHttp(`http://127.0.0.1:${p2}/`);
  await waitForHttp(`http://127.0.0.1:${p3}/`);
  return {
    baseline: { name: 's3rver2', url: `http://127.0.0.1:${p2}` },
    candidate: { name: 's3rver3', url: `http://127.0.0.1:${p3}` },
  };
});
