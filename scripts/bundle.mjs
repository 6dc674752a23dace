// Bundles the CLI into one CommonJS file (dist/parity.cjs), which bin/parity.js
// loads: Node then compiles one script instead of resolving and reading ~300
// modules, which halves start-up (see docs/performance.md, "Fast start-up"). The library
// modules stay in dist/ as tsc emits them.
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
