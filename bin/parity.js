#!/usr/bin/env node
// The package bin: loads the CLI built by `npm run build` (which `npm ci` runs
// via `prepare`) and runs it. It keeps no code cache of its own: on a Node that
// has it (22.1+), Node's compile cache keeps the compiled code from one run to
// the next; on Node 20 the call is skipped.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// Two V8 flags, set once, before the CLI's code loads, never changed later;
// a flag of the same name given to Node (command line or NODE_OPTIONS) wins.
// - `--liftoff-only`: undici parses HTTP with a WebAssembly build of llhttp,
//   which V8 would compile a second time with TurboFan once it is hot, in the
//   background: ~30 MB of compiler memory at its peak, and a short run held
//   open ~20 ms at exit. The first (Liftoff) compilation parses response
//   headers fast enough (measured: the same case rate).
// - `--semi-space-growth-factor=1`: the young generation stays at its starting
//   size. A run's objects live for one exchange, so a larger young generation
//   only holds more garbage (measured, 100k cases: 150 -> 134 MB peak RSS; a
//   1,000-case run is as fast or faster).
// The run's own memory does not depend on these: it stays flat in the number
// of cases and the same whether they sit in one file or a thousand.
const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
const named = (flag) =>
  given.some(
    (arg) =>
      arg
        .replace(/^--(no-)?/, '')
        .replaceAll('_', '-')
        .split('=')[0] === flag,
  );
for (const [name, flag] of [
  ['liftoff-only', '--liftoff-only'],
  ['semi-space-growth-factor', '--semi-space-growth-factor=1'],
]) {
  if (!named(name)) setFlagsFromString(flag);
}

module.enableCompileCache?.();

const cli = new URL('../dist/bundle/parity.mjs', import.meta.url);
if (existsSync(cli)) {
  const { run } = await import(cli.href);
  await run();
} else {
  process.stderr.write(
    `parity: the built CLI ${fileURLToPath(cli)} is missing; run \`npm run build\`\n`,
  );
  process.exitCode = 4; // parity itself failed
}
