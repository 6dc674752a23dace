#!/usr/bin/env node
// The package bin: runs the bundled CLI (built by `npm run build`, which `npm ci`
// runs via `prepare`).
import { setFlagsFromString } from 'node:v8';

// undici parses HTTP with a WebAssembly build of llhttp. V8 recompiles hot
// WebAssembly in the background and the process waits for those jobs before it
// exits: ~100 ms on every short run, for a parser that is fast enough as first
// compiled. A large budget postpones that tier-up until a run is long.
setFlagsFromString('--wasm-tiering-budget=100000000');

const { run } = await import('../dist/parity.mjs');
await run();
