#!/usr/bin/env node
// The package bin: loads the CLI built by `npm run build` (dist/parity.cjs,
// which requires the code of the command the arguments name when it runs it:
// scripts/bundle.mjs) and runs it. It keeps no code cache of its own: on a
// Node that has it (22.1+), Node's compile cache keeps the compiled code from
// one run to the next; on Node 20 node:module is not even loaded. It is
// CommonJS (bin/package.json): Node then starts without its ES module loader,
// ~4 ms less CPU for `parity validate` (13 paired rounds).
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const dist = (path) => join(__dirname, '..', 'dist', path);
/** The commands that send requests: the V8 flags (./v8-flags.js) serve their memory. */
const SENDING = ['calibrate', 'fuzz', 'proxy', 'record', 'run', 'shadow'];
const first = process.argv[2] ?? '';
const cli = dist('parity.cjs');
if (existsSync(cli)) {
  // Node 22.1+ only: on Node 20 loading node:module (and the source-map code
  // behind it) would cost start-up for nothing.
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 1)) require('node:module').enableCompileCache?.();
  const sends = SENDING.includes(first);
  if (sends) {
    // The CLI requires these on first use: for a command that sends, load
    // them before the V8 flags change (Node compiles its own modules from the
    // code cache in its binary only until then).
    require('node:fs/promises');
    require(dist('vendor/undici.cjs'));
  }
  const { run } = require(cli);
  // The V8 flags a command that sends sets once its code has loaded (see
  // there); required only then, so a command that sends nothing reads no more.
  run(sends ? () => require('./v8-flags.js').setFlags() : undefined);
} else {
  process.stderr.write(`parity: the built CLI ${cli} is missing; run \`npm run build\`\n`);
  process.exitCode = 4; // parity itself failed
}
