#!/usr/bin/env node
// The package bin: loads the CLI built by `npm run build` (which `npm ci` runs
// via `prepare`) and runs it. It sets no V8 flags and keeps no code cache of
// its own: on a Node that has it (22.1+), Node's compile cache keeps the
// compiled code from one run to the next; on Node 20 the call is skipped.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

module.enableCompileCache?.();

const cli = fileURLToPath(new URL('../dist/parity.cjs', import.meta.url));
if (existsSync(cli)) {
  const { run } = module.createRequire(import.meta.url)(cli);
  await run();
} else {
  process.stderr.write(`parity: the built CLI ${cli} is missing; run \`npm run build\`\n`);
  process.exitCode = 4; // parity itself failed
}
