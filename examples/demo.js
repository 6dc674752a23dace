// `npm run demo`: the bundled example end to end. Starts the serde-style and the
// Go-style reference servers on free loopback ports, runs parity on the
// validator suite (the known finding: 6/6 status parity, 5/6 shapes divergent),
// prints the summary, writes reports/ and the tracker, and stops the servers.
// Exits 0 when the run itself worked (divergences are the expected result).
import { main } from '../dist/cli/main.js';
import { startServer } from './servers/start.js';

const [rust, go] = await Promise.all([startServer('serde'), startServer('go')]);
let code;
try {
  code = await main(
    [
      'run',
      'cases/validator',
      '--baseline',
      `rust=${rust.url}`,
      '--candidate',
      `go=${go.url}`,
      ...process.argv.slice(2),
    ],
    { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() },
  );
} finally {
  await Promise.all([rust.close(), go.close()]);
}
// 0 = parity, 1 = divergences found: both mean the demo worked.
process.exitCode = code === 0 || code === 1 ? 0 : code;
