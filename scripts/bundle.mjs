// Bundles the CLI into one CommonJS file (dist/parity.cjs) for start-up time:
// Node compiles one script instead of resolving ~300 modules, and bin/parity.js
// can keep that script's compiled code in V8's code cache (which Node 20 offers
// for scripts, not for ES modules). The library modules stay in dist/ as tsc emits them.
// Usage: node scripts/bundle.mjs [OUT_DIR]   (default dist; the bin test bundles elsewhere)
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

const outDir = process.argv[2] ?? 'dist';
const outfile = join(outDir, 'parity.cjs');
// A new bundle makes the old code cache useless (V8 would reject it anyway).
await rm(`${outfile}.v8cache`, { force: true });
await rm(`${outfile}.v8cache.ms`, { force: true });
await build({
  entryPoints: ['src/bin.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
