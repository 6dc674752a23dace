#!/usr/bin/env node
// The package bin: runs the bundled CLI (dist/parity.cjs, built by `npm run
// build`, which `npm ci` runs via `prepare`) through V8's code cache.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

// undici parses HTTP with a WebAssembly build of llhttp, which V8 would
// recompile with TurboFan once hot: in the background, holding every short run
// open ~100 ms at exit, and taking ~35 MB of compiler memory for its large
// state machine mid-run. The first (Liftoff) compilation is fast enough: keep it.
setFlagsFromString('--liftoff-only');
// The first 10,000 results of a run stay in memory (small runs keep them all);
// V8 would then allocate every later result directly in the old generation,
// where only a full GC frees it. Without pretenuring a 100k-case run stays smaller.
setFlagsFromString('--no-allocation-site-pretenuring');

const bundle = fileURLToPath(new URL('../dist/parity.cjs', import.meta.url));
const cacheFile = `${bundle}.v8cache`;

/** The compiled code of the last run, when there is one (V8 checks it matches). */
function readCache() {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

// Compiling the 1.1 MB bundle, and each function on its first call, is a good
// part of a short run: V8's code cache keeps that work from one run to the next.
const cachedData = readCache();
let source;
try {
  source = readFileSync(bundle, 'utf8');
} catch (error) {
  process.stderr.write(
    `parity: cannot read the built CLI ${bundle} (${error.code ?? error}); run \`npm run build\`\n`,
  );
  process.exit(4);
}
const script = new Script(
  `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
  { filename: bundle, cachedData },
);
if (cachedData === undefined || script.cachedDataRejected) {
  // Written on exit, so the functions this run compiled are in it; best effort
  // (a read-only install runs without a cache), atomic for concurrent runs.
  process.once('exit', () => {
    const temp = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
    } catch {
      rmSync(temp, { force: true }); // no cache this time
    }
  });
}
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
await module.exports.run();
