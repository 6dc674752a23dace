// The V8 flags the bin sets, once, when a command that sends has loaded its
// code and before it runs (after loading: Node compiles its own modules from
// a code cache built into the binary, which V8 refuses once a flag changed).
// They keep a run's memory under its goal (100,000 cases < 150 MB): peak RSS
// of a 100,000-case run (1,000 files, issue 42) 128 MB with both, 138 MB with
// the semi-space flag alone, 151 MB with --liftoff-only alone, 165 MB with
// neither. --semi-space-growth-factor=1 keeps the young generation at its
// first size instead of growing it to 16 MB semi-spaces; --liftoff-only
// keeps undici's WebAssembly HTTP parser (llhttp) at its first compilation
// instead of compiling it again with TurboFan in the background.
// --heap-growing-percent=50: after a full collection V8 lets the old
// generation grow to at most 1.5 times what survived, not up to 4 times:
// 16 cases of 10 MB keys and 5-million-digit numbers (bounded-reports)
// peaked at 443-568 MB with ~107 MB live (V8's trace: the heap grew to
// 408 MB of garbage before one mark-compact), and at 308-392 MB with it,
// with the same CPU.
'use strict';

const setFlags = () => {
  require('node:v8').setFlagsFromString(
    '--liftoff-only --semi-space-growth-factor=1 --heap-growing-percent=50',
  );
};

module.exports = { setFlags };
