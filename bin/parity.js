#!/usr/bin/env node
// The package bin: runs the bundled CLI (dist/parity.cjs, built by `npm run
// build`, which `npm ci` runs via `prepare`) through V8's code cache.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

// V8's interrupt budget in Node 20 (V8 11.3); other versions keep their own.
const DEFAULT_INTERRUPT_BUDGET = 67_584;
const NODE_20_V8 = process.versions.v8.startsWith('11.3.');

// The V8 flags a run starts with. They are set before the bundle is compiled
// and set again before its code cache is written: V8 rejects a cache written
// under other flags, and two of them change mid-run (below).
const START_FLAGS = [
  // undici parses HTTP with a WebAssembly build of llhttp, which V8 would
  // recompile with TurboFan once hot: in the background, holding every short
  // run open ~100 ms at exit, and taking ~35 MB of compiler memory for its large
  // state machine mid-run. The first (Liftoff) compilation is fast enough.
  '--liftoff-only',
  // The first 10,000 results of a run stay in memory (small runs keep them all);
  // V8 would then allocate every later result directly in the old generation,
  // where only a full GC frees it. Without pretenuring a 100k-case run stays smaller.
  '--no-allocation-site-pretenuring',
  // V8's default, until the young generation reaches its cap (below).
  '--semi-space-growth-factor=2',
  // In its first second a run calls most functions a few hundred times, and V8
  // would have TurboFan optimize ~120 of them on background threads: ~200 ms of
  // CPU in a 1,000-case run, taken from servers on the same machine, mostly for
  // code the run is about to leave (case loading, report rendering). For that
  // second, a function must run 4× as long before it is optimized; after it
  // V8's default holds, so a long run's hot path is optimized as usual.
  // (1,000 cases: ~11% less wall time, ~20% less CPU; 100k cases: same rate.)
  ...(NODE_20_V8 ? [`--interrupt-budget=${4 * DEFAULT_INTERRUPT_BUDGET}`] : []),
];
const setStartFlags = () => {
  for (const flag of START_FLAGS) setFlagsFromString(flag);
};
setStartFlags();
if (NODE_20_V8) {
  const budget = `--interrupt-budget=${DEFAULT_INTERRUPT_BUDGET}`;
  setTimeout(() => setFlagsFromString(budget), 1000).unref();
}
// V8 grows the young generation (where a run's short-lived request, response
// and comparison objects live) up to 32 MB, and Node only takes a cap when it
// starts. A streaming run keeps little alive, so 16 MB serves as well (same
// case rate, ~15 MB less RSS on 100k cases): once it is that big, it stops growing.
const YOUNG_GENERATION_CAP = 16 * 1024 * 1024;
const youngGeneration = new PerformanceObserver(() => {
  const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (space === undefined || space.space_size >= YOUNG_GENERATION_CAP) {
    setFlagsFromString('--semi-space-growth-factor=1');
    youngGeneration.disconnect();
  }
});
youngGeneration.observe({ entryTypes: ['gc'] });

const started = performance.now();
const bundle = fileURLToPath(new URL('../dist/parity.cjs', import.meta.url));
const cacheFile = `${bundle}.v8cache`;
/** How long the run that wrote the cache took, in ms (its code paths are in the cache). */
const cacheRunFile = `${cacheFile}.ms`;

/** The compiled code of the last run, when there is one (V8 checks it matches). */
function readCache() {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

function cacheRunMs() {
  try {
    return Number(readFileSync(cacheRunFile, 'utf8')) || 0;
  } catch {
    return 0;
  }
}

/** Best effort (a read-only install runs without a cache), atomic for concurrent runs. */
function writeAtomic(file, data) {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, file);
    return true;
  } catch {
    rmSync(temp, { force: true });
    return false;
  }
}

// Compiling the 1.1 MB bundle, and each function on its first call, is a good
// part of a short run: V8's code cache keeps that work from one run to the next.
const cachedData = readCache();
let source;
try {
  source = readFileSync(bundle, 'utf8');
} catch (error) {
  process.stderr.write(
    `parity: cannot read the built CLI ${bundle} (${error.code ?? error}); run \`npm run build\`\n`,
  );
  process.exit(4);
}
const script = new Script(
  `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
  { filename: bundle, cachedData },
);
// Written on exit, so the functions this run compiled are in it. A run that
// took over twice as long as the one that wrote the cache (and 300 ms or more)
// went through more of the code (a real library, divergences to explain):
// its cache replaces the other, so the cache settles after a few runs.
const fresh = cachedData === undefined || script.cachedDataRejected;
const previousMs = fresh ? 0 : cacheRunMs();
process.once('exit', () => {
  const ms = Math.round(performance.now() - started);
  if (!fresh && ms < Math.max(300, 2 * previousMs)) return;
  setStartFlags(); // the flags this run's code was checked under
  if (writeAtomic(cacheFile, script.createCachedData())) writeAtomic(cacheRunFile, String(ms));
});
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
await module.exports.run();
