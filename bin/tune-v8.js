// V8 settings for CLI runs (the library sets none: flags are process-wide).
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

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

// V8 grows the young generation (where a run's short-lived request, response
// and comparison objects live) up to 32 MB, and Node only takes a cap when it
// starts. A streaming run keeps little alive, so 16 MB serves as well (same
// case rate, ~20 MB less RSS on 100k cases).
const YOUNG_GENERATION_CAP = 16 * 1024 * 1024;

function setStartFlags() {
  for (const flag of START_FLAGS) setFlagsFromString(flag);
}

/**
 * Sets the flags a run starts with and arranges the two mid-run changes;
 * returns the function that sets the start flags again (before the code
 * cache is written).
 */
export function tuneV8() {
  setStartFlags();
  if (NODE_20_V8) {
    const budget = `--interrupt-budget=${DEFAULT_INTERRUPT_BUDGET}`;
    setTimeout(() => setFlagsFromString(budget), 1000).unref();
  }
  // Once the young generation is at its cap, it stops growing.
  const youngGeneration = new PerformanceObserver(() => {
    const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    if (space === undefined || space.space_size >= YOUNG_GENERATION_CAP) {
      setFlagsFromString('--semi-space-growth-factor=1');
      youngGeneration.disconnect();
    }
  });
  youngGeneration.observe({ entryTypes: ['gc'] });
  return setStartFlags;
}
