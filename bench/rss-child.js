// Runs the parity CLI in this process (main(argv, io) from dist/) and prints one
// JSON line with its exit code, wall time and peak RSS, so a scenario can
// measure a whole run's memory. Usage: node bench/rss-child.js <parity args…>
import { setFlagsFromString } from 'node:v8';

// The same V8 setting as bin/parity.js, so this measures what the CLI does.
setFlagsFromString('--wasm-tiering-budget=100000000');
const { main } = await import('../dist/cli/main.js');

const sink = { write: () => true, isTTY: false };
const started = performance.now();
const code = await main(process.argv.slice(2), {
  stdout: sink,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ code, ms: Math.round(ms), rssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
);
