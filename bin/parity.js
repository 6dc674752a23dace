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
/** The old-space limit `proxy` and `shadow` need (./old-space.js), when below the one this process has. */
const oldSpace = () => {
  if (first !== 'proxy' && first !== 'shadow') return undefined;
  // One the user set (node's flag, NODE_OPTIONS) is theirs.
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ');
  if (given.includes('--max-old-space-size')) return undefined;
  const mb = require('./old-space.js').oldSpaceForArgs(process.argv.slice(3));
  const now = require('node:v8').getHeapStatistics().heap_size_limit / (1024 * 1024);
  // From 2 GB up the heap grew as under the default limit (108 -> 123 MB over
  // 100,000 requests at 2048): no reason to start a second process.
  return mb < Math.min(now, 2048) ? mb : undefined;
};
const limit = existsSync(cli) ? oldSpace() : undefined;
if (limit !== undefined) {
  // V8 takes the limit only when the process starts: the command runs in a
  // process started with it, its own process group (a terminal's Ctrl-C
  // reaches it once, from here), the signals passed on, its exit code ours.
  const { spawn } = require('node:child_process');
  const args = [...process.execArgv, `--max-old-space-size=${limit}`, __filename];
  // fd 3, a pipe the child watches: it stops (as on SIGTERM) when this
  // process ends without passing a signal on (SIGKILL).
  const child = spawn(process.execPath, [...args, ...process.argv.slice(2)], {
    stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
    env: { ...process.env, PARITY_PARENT_PIPE: '3' },
    detached: true,
  });
  const signals = ['SIGTERM', 'SIGINT', 'SIGHUP'];
  const pass = (signal) => child.kill(signal);
  for (const signal of signals) process.on(signal, pass);
  child.on('error', (error) => {
    process.stderr.write(`parity: could not start the command's process: ${error.message}\n`);
    process.exitCode = 4; // parity itself failed
  });
  child.on('exit', (code, signal) => {
    for (const one of signals) process.off(one, pass);
    if (signal !== null) process.kill(process.pid, signal);
    else process.exitCode = code ?? 4;
  });
} else if (existsSync(cli)) {
  // Started by the bin above: its end closes the pipe on fd 3.
  if (process.env.PARITY_PARENT_PIPE === '3') {
    delete process.env.PARITY_PARENT_PIPE;
    const parent = new (require('node:net').Socket)({ fd: 3, readable: true, writable: false });
    parent.on('error', () => undefined);
    parent.on('close', () => process.kill(process.pid, 'SIGTERM'));
    parent.resume();
    parent.unref();
  }
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
