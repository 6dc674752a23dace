// The V8 flags the bin sets once a command that sends has loaded its code
// (`setFlags`, handed to the CLI's run): a module of its own, so that
// bench/profile-run.js runs the unbundled build under the same flags.
'use strict';

// Three V8 flags, set before the command runs (the young generation's growth
// factor changes once more, when the run starts sending: `growYoungOnceSending`);
// a flag of the same name given to Node (command line or NODE_OPTIONS) wins.
// - `--liftoff-only`: undici parses HTTP with a WebAssembly build of llhttp,
//   which V8 would compile a second time with TurboFan once it is hot, in the
//   background; the first (Liftoff) compilation parses response headers fast
//   enough.
// - `--semi-space-growth-factor=1`: the young generation stays at its size
//   while the command loads and parses its cases (which would grow it to
//   V8's 16 MB), and grows once, fourfold, when sending starts (below).
// They earn their place in memory, not in CPU. Measured (issue 26, Node 20, a
// 20,000-case `parity run` at concurrency 8, reports and tracker written):
// peak RSS 91-93 MB with both, 113 MB without `--liftoff-only`, 116-118 MB
// without the semi-space flag, 126-131 MB without either (3 runs each); CPU,
// 5 paired rounds without both ÷ with both: 0.965 (0.81-0.98), i.e. they cost
// ~3% CPU. The memory goal (100k cases < 150 MB) is the one they keep.
// Growing the young generation once sending starts gives part of that back
// (issue 26): doubling it (tenth round) took a 20,000-case run from 243 to
// 129 scavenges, CPU old ÷ new 1.04 all equal and 1.03 with 10% divergent
// (9 paired rounds each); four times instead (sixteenth round) to 69, CPU
// ×2 ÷ ×4 1.02 all equal and 1.09 with 10% divergent (20 and 12 paired
// rounds: 0.80-1.32, 0.94-1.25), peak RSS of 100,000 cases 134-136 / 124-125
// MB against 124 / 115 MB (1,000 files / one; goal < 150 MB).
// - `--max-inlined-bytecode-size-cumulative=460` (half V8's 920): TurboFan
//   inlines half as much into each function it optimises. Compiling is about a
//   third of what a divergence costs a run (its judging, result and report
//   rows run a few thousand times, hot enough to be optimised once, each with
//   its callees inlined) and the smaller graphs compile in less; the code
//   they give runs about as fast. Measured with instruction counts (issue 26,
//   ninth round; docs/performance.md).
//
// Node compiles its own modules (node:http, node:tls, …) from a code cache
// built into the binary, which V8 refuses once a flag has changed: every Node
// module loaded after the flags are set is compiled from its source, 3-4
// times slower. So the flags are set once the command's code has loaded (and
// with it the Node modules it needs: for a command that sends, the HTTP
// client's), just before the command runs: still before the WebAssembly
// parser is compiled (on the first connection) and before the run allocates.
// Measured paired (9 rounds, Node 20): a one-case `parity run` 188 ms ->
// 166 ms of CPU. `--help` and `--version` run no command and set none, and
// nor do the commands that send nothing (`validate`, `show`, …: their bundles
// are built with PARITY_SENDS false, see src/bin.ts): the flags serve a run's
// memory, and loading node:v8 to set them cost such a command ~1 ms.
const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
const named = (flag) =>
  given.some(
    (arg) =>
      arg
        .replace(/^--(no-)?/, '')
        .replaceAll('_', '-')
        .split('=')[0] === flag,
  );
const setFlags = () => {
  const v8 = require('node:v8');
  for (const [name, flag] of [
    ['liftoff-only', '--liftoff-only'],
    ['semi-space-growth-factor', '--semi-space-growth-factor=1'],
    ['max-inlined-bytecode-size-cumulative', '--max-inlined-bytecode-size-cumulative=460'],
  ]) {
    if (!named(name)) v8.setFlagsFromString(flag);
  }
  const young = ['semi-space-growth-factor', 'min-semi-space-size', 'max-semi-space-size'];
  if (!young.some(named)) growYoungOnceSending(v8);
};

// The young generation grows fourfold once when the run starts sending, and
// then stays (issue 26, tenth and sixteenth rounds: kept at its size when the
// command starts, it is scavenged ~240 times in a 20,000-case run, and
// garbage collection was the largest share of what parity costs above the
// minimal script). V8 sizes it when it starts; what it reads at each growth
// is the factor: 4 from the first connection (the cases are loaded by then:
// growing while a run parses its case files took it to 16 MB semi-spaces,
// and 100,000 cases to 189 MB), back to 1 once it has grown (V8 grows it
// when the bytes surviving scavenges since the last growth pass its size:
// the next growth is many scavenges away), checked every 10 ms by an
// unref'd timer. Semi-spaces of 8 MB from then on, where doubling gave 4 MB.
function growYoungOnceSending(v8) {
  const channels = require('node:diagnostics_channel');
  const youngBytes = () =>
    v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
  const sending = () => {
    channels.unsubscribe('undici:client:connected', sending);
    const before = youngBytes();
    v8.setFlagsFromString('--semi-space-growth-factor=4');
    const watch = setInterval(() => {
      if (youngBytes() <= before) return;
      v8.setFlagsFromString('--semi-space-growth-factor=1');
      clearInterval(watch);
    }, 10);
    watch.unref();
  };
  channels.subscribe('undici:client:connected', sending);
}

module.exports = { setFlags };
