#!/usr/bin/env node
// The package bin: runs the bundled CLI (dist/parity.cjs, built by `npm run
// build`, which `npm ci` runs via `prepare`) through V8's code cache.
import { isAscii } from 'node:buffer';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { tuneV8 } from './tune-v8.js';

// Before the bundle is compiled: the code cache is checked under these flags.
const setStartFlags = tuneV8();

const started = performance.now();
const bundle = fileURLToPath(new URL('../dist/parity.cjs', import.meta.url));
const cacheFile = `${bundle}.v8cache`;
/** How long the run that wrote the cache took, in ms (its code paths are in the cache). */
const cacheRunFile = `${cacheFile}.ms`;

/** The compiled code of the last run, when there is one (V8 checks it matches). */
function readCache() {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

function cacheRunMs() {
  try {
    return Number(readFileSync(cacheRunFile, 'utf8')) || 0;
  } catch {
    return 0;
  }
}

/** Best effort (a read-only install runs without a cache), atomic for concurrent runs. */
function writeAtomic(file, data) {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, file);
    return true;
  } catch {
    rmSync(temp, { force: true });
    return false;
  }
}

// Compiling the 1.1 MB bundle, and each function on its first call, is a good
// part of a short run: V8's code cache keeps that work from one run to the next.
const cachedData = readCache();
let source;
try {
  const bytes = readFileSync(bundle);
  // The bundle is ASCII (esbuild escapes other characters; the report page's
  // script writes its own as \u escapes): read as latin1 it becomes a one-byte
  // string, quicker to make than by UTF-8 decoding and half the memory.
  source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
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
// Written on exit, so the functions this run compiled are in it. A run that
// took over twice as long as the one that wrote the cache (and 300 ms or more)
// went through more of the code (a real library, divergences to explain):
// its cache replaces the other, so the cache settles after a few runs.
const fresh = cachedData === undefined || script.cachedDataRejected;
const previousMs = fresh ? 0 : cacheRunMs();
process.once('exit', () => {
  const ms = Math.round(performance.now() - started);
  if (!fresh && ms < Math.max(300, 2 * previousMs)) return;
  setStartFlags(); // the flags this run's code was checked under
  if (writeAtomic(cacheFile, script.createCachedData())) writeAtomic(cacheRunFile, String(ms));
});
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
await module.exports.run();
