// Bundles the CLI (src/bin.ts) into ES modules split by command, under
// dist/bundle/: `parity.mjs` (what every command loads: the bin's edge, commander
// and the option table) and chunks that `src/cli/main.ts` imports when a command
// runs (each command's code, and the code commands share, once). A command
// therefore compiles only what it uses: `validate` never compiles the HTTP
// client, `--version` no command at all (see docs/ARCHITECTURE.md, "The bin and
// the bundle", and README, "Fast start-up"). Node still reads a handful of
// bundled files instead of resolving ~300 modules. The library modules stay in
// dist/ as tsc emits them.
// Usage: node scripts/bundle.mjs [OUT_DIR]   (default dist; the bin test bundles elsewhere)
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

// `parity --version` prints package.json's version (src/cli/version.ts).
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const outDir = join(process.argv[2] ?? 'dist', 'bundle');
// Chunk names carry a content hash: old ones would pile up.
rmSync(outDir, { recursive: true, force: true });
await build({
  entryPoints: { parity: 'src/bin.ts' },
  outdir: outDir,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Bundled CommonJS dependencies (commander, undici, …) call `require` for
  // Node's built-in modules; an ES module has none of its own.
  banner: {
    js: "import { createRequire as __parityRequire } from 'node:module'; const require = __parityRequire(import.meta.url);",
  },
  legalComments: 'none',
  // Whitespace and syntax only: names stay as written, so stack traces in bug
  // reports stay readable (minifying names measured no faster here).
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  define: { PARITY_VERSION: JSON.stringify(version) },
  // Loaded on first use from node_modules (only when a command reads an OpenAPI
  // document; only by `parity fuzz`): bundled, their ~600 KB of validators and
  // ~170 KB of generators would be compiled into the chunks of those commands.
  external: ['@readme/openapi-parser', 'fast-check', 'pure-rand', 'pure-rand/*'],
});
