// Bundles the CLI into one CommonJS file (dist/parity.cjs), which bin/parity.js
// loads: Node then compiles one script instead of resolving and reading ~300
// modules, which halves start-up (see docs/performance.md, "Fast start-up"). Each command's
// module is imported by `src/cli/main.ts` when that command runs, which esbuild
// keeps lazy inside the one file: a command evaluates only the modules it uses
// (`validate` never evaluates undici, so Node never loads its HTTP, TLS and
// fetch internals; `--version` evaluates no command), and V8 compiles the
// functions it never calls no further than a pre-parse. Measured on Node 20,
// 10 paired rounds of whole processes' CPU: this single file with lazy
// commands against esbuild's ESM code splitting (a chunk per command and per
// code they share, 57 files): `run` of one case 0.229 s vs 0.260 s,
// `validate` 0.148 s vs 0.134 s, `--version` 0.135 s vs 0.113 s: the split
// saves the commands that send nothing 14-22 ms but costs `run` 31 ms (Node's
// ES module loader, per file), and the run is what parity is for.
// The library modules stay in dist/ as tsc emits them.
// Usage: node scripts/bundle.mjs [OUT_DIR]   (default dist; the bin test bundles elsewhere)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

// `parity --version` prints package.json's version (src/cli/version.ts).
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const outDir = process.argv[2] ?? 'dist';
await build({
  entryPoints: ['src/bin.ts'],
  outfile: join(outDir, 'parity.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  legalComments: 'none',
  // Whitespace and syntax only: names stay as written, so stack traces in bug
  // reports stay readable (minifying names measured no faster here).
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  define: { PARITY_VERSION: JSON.stringify(version) },
  // Loaded on first use from node_modules (only when a command reads an OpenAPI
  // document; only by `parity fuzz`): bundled, their ~600 KB of validators and
  // ~170 KB of generators would be compiled by every command at start-up.
  external: ['@readme/openapi-parser', 'fast-check', 'pure-rand', 'pure-rand/*'],
});
