// V8 settings for CLI runs (the library sets none: flags are process-wide).
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

// V8's interrupt budget in Node 20 (V8 11.3); other versions keep their own.
const DEFAULT_INTERRUPT_BUDGET = 67_584;

// V8 grows the young generation (where a run's short-lived request, response
// and comparison objects live) up to 32 MB, and Node only takes a cap when it
// starts. A streaming run keeps little alive, so 16 MB serves as well (same
// case rate, ~20 MB less RSS on 100k cases).
const YOUNG_GENERATION_CAP = 16 * 1024 * 1024;
const YOUNG_GENERATION_FLAGS = [
  'max-semi-space-size',
  'min-semi-space-size',
  'semi-space-growth-factor',
];

/** `--no-foo_bar=1` → `foo-bar`. */
function flagName(arg) {
  return arg
    .replace(/^--(no-)?/, '')
    .split('=')[0]
    .replaceAll('_', '-');
}

/**
 * The V8 flags a run starts with, and its two mid-run changes. A flag the
 * user gave Node (on its command line or in NODE_OPTIONS) is left to them.
 * The start flags are set before the bundle is compiled and set again before
 * its code cache is written: V8 rejects a cache written under other flags.
 * @param {{ execArgv: readonly string[], nodeOptions: string, v8Version: string }} node
 * @returns {{ start: string[], capYoungGeneration: boolean, afterFirstSecond: string | undefined }}
 */
export function planFlags({ execArgv, nodeOptions, v8Version }) {
  const given = new Set(
    [...execArgv, ...nodeOptions.split(/\s+/)].filter((a) => a.startsWith('--')).map(flagName),
  );
  const start = [];
  // undici parses HTTP with a WebAssembly build of llhttp, which V8 would
  // recompile with TurboFan once hot: in the background, holding every short
  // run open ~100 ms at exit, and taking ~35 MB of compiler memory for its large
  // state machine mid-run. The first (Liftoff) compilation is fast enough.
  if (!given.has('liftoff-only')) start.push('--liftoff-only');
  // The first 10,000 results of a run stay in memory (small runs keep them all);
  // V8 would then allocate every later result directly in the old generation,
  // where only a full GC frees it. Without pretenuring a 100k-case run stays smaller.
  if (!given.has('allocation-site-pretenuring')) start.push('--no-allocation-site-pretenuring');
  // V8's default, until the young generation reaches its cap (see tuneV8).
  const capYoungGeneration = !YOUNG_GENERATION_FLAGS.some((name) => given.has(name));
  if (capYoungGeneration) start.push('--semi-space-growth-factor=2');
  // In its first second a run calls most functions a few hundred times, and V8
  // would have TurboFan optimize ~120 of them on background threads: ~200 ms of
  // CPU in a 1,000-case run, taken from servers on the same machine, mostly for
  // code the run is about to leave (case loading, report rendering). For that
  // second, a function must run 4× as long before it is optimized; after it
  // V8's default holds, so a long run's hot path is optimized as usual.
  // (1,000 cases: ~11% less wall time, ~20% less CPU; 100k cases: same rate.)
  const tuneBudget = v8Version.startsWith('11.3.') && !given.has('interrupt-budget');
  if (tuneBudget) start.push(`--interrupt-budget=${4 * DEFAULT_INTERRUPT_BUDGET}`);
  const afterFirstSecond = tuneBudget
    ? `--interrupt-budget=${DEFAULT_INTERRUPT_BUDGET}`
    : undefined;
  return { start, capYoungGeneration, afterFirstSecond };
}

/**
 * Sets this process's start flags and arranges the mid-run changes; returns
 * the function that sets the start flags again (before the code cache is written).
 */
export function tuneV8() {
  const plan = planFlags({
    execArgv: process.execArgv,
    nodeOptions: process.env.NODE_OPTIONS ?? '',
    v8Version: process.versions.v8,
  });
  const setStartFlags = () => {
    for (const flag of plan.start) setFlagsFromString(flag);
  };
  setStartFlags();
  const { afterFirstSecond } = plan;
  if (afterFirstSecond !== undefined) {
    setTimeout(() => setFlagsFromString(afterFirstSecond), 1000).unref();
  }
  if (plan.capYoungGeneration) {
    // Once the young generation is at its cap, it stops growing.
    const youngGeneration = new PerformanceObserver(() => {
      const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
      if (space === undefined || space.space_size >= YOUNG_GENERATION_CAP) {
        setFlagsFromString('--semi-space-growth-factor=1');
        youngGeneration.disconnect();
      }
    });
    youngGeneration.observe({ entryTypes: ['gc'] });
  }
  return setStartFlags;
}
