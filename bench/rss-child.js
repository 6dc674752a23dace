// Runs the parity CLI exactly as `node bin/parity.js <args…>` does (the bundled
// build, its V8 settings) in this process, and when the process exits appends
// one JSON line with the exit code, wall time, peak RSS and CPU seconds to the file named by
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
  const usage = process.resourceUsage();
  const rssMb = Math.round(usage.maxRSS / 1024);
  const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  appendFileSync(out, `${JSON.stringify({ code, ms, rssMb, cpu })}\n`);
});
process.argv = [process.argv[0] ?? 'node', bin, ...process.argv.slice(2)];
await import(bin);
