// Runs the parity CLI exactly as `node bin/parity.js <args…>` does (the bundled
// build, its V8 settings) in this process, and when the process exits appends
// one JSON line with the exit code, wall time and peak RSS to the file named by
// PARITY_BENCH_OUT, so a scenario can measure a whole run's memory.
// Usage: PARITY_BENCH_OUT=FILE node bench/rss-child.js <parity args…>
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const out = process.env.PARITY_BENCH_OUT;
if (out === undefined) throw new Error('rss-child: set PARITY_BENCH_OUT');
const bin = fileURLToPath(new URL('../bin/parity.js', import.meta.url));
const started = performance.now();
process.on('exit', (code) => {
  const ms = Math.round(performance.now() - started);
  const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  appendFileSync(out, `${JSON.stringify({ code, ms, rssMb })}\n`);
});
process.argv = [process.argv[0] ?? 'node', bin, ...process.argv.slice(2)];
await import(bin);
