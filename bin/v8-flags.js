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
'use strict';

const setFlags = () => {
  require('node:v8').setFlagsFromString('--liftoff-only --semi-space-growth-factor=1');
};

module.exports = { setFlags };
