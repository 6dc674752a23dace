// Bundles the CLI into one ESM file (dist/parity.mjs) for start-up time: Node
// resolves and compiles one module instead of ~300, which halves the time a
// one-case run takes. The library modules stay in dist/ as tsc emits them.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/bin.ts'],
  outfile: 'dist/parity.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // CommonJS dependencies (undici, yaml, …) call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __parityRequire } from 'node:module'; const require = __parityRequire(import.meta.url);",
  },
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
