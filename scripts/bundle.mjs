// Bundles the CLI into one CommonJS file (dist/parity.cjs) for start-up time:
// Node compiles one script instead of resolving ~300 modules, and bin/parity.js
// can keep that script's compiled code in V8's code cache (which Node 20 offers
// for scripts, not for ES modules). The library modules stay in dist/ as tsc emits them.
// Usage: node scripts/bundle.mjs [OUT_DIR]   (default dist; the bin test bundles elsewhere)
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

// Node built-ins that dependencies load at start-up for paths a parity run never
// takes: commander's child_process (executable subcommands), cli-progress's
// readline (a TTY progress bar), and undici's HTTP/2 client, whose node:http2
// (with node:tls) is ~5 ms of every start-up while parity speaks HTTP/1.1.
// Each is bundled behind a stand-in that loads it on first use.
const LAZY_BUILTINS = [
  { module: 'node:child_process', from: '/commander/lib/command.js' },
  { module: 'readline', from: '/cli-progress/lib/terminal.js' },
];
const LAZY_MODULES = [{ module: './client-h2.js', from: '/undici/lib/dispatcher/client.js' }];
const slashes = (path) => path.replaceAll('\\', '/');

/** @type {import('esbuild').Plugin} */
const lazyLoad = {
  name: 'lazy-load',
  setup(bundle) {
    bundle.onResolve({ filter: /^(node:child_process|readline)$/ }, ({ path, importer }) => {
      const lazy = LAZY_BUILTINS.find(
        (l) => l.module === path && slashes(importer).endsWith(l.from),
      );
      return lazy && { path, namespace: 'lazy-builtin' };
    });
    // A member is looked up when it is used (both importers call `module.method(…)`).
    bundle.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, ({ path }) => ({
      contents: `module.exports = new Proxy({}, { get: (_, name) => require(${JSON.stringify(path)})[name] });`,
    }));
    bundle.onResolve({ filter: /^\.\/client-h2\.js$/ }, ({ path, importer, resolveDir }) => {
      const lazy = LAZY_MODULES.find(
        (l) => l.module === path && slashes(importer).endsWith(l.from),
      );
      return lazy && { path: join(resolveDir, path), namespace: 'lazy-module' };
    });
    // undici's client calls the module's one export, connectH2(client, socket), for h2 only.
    bundle.onLoad({ filter: /.*/, namespace: 'lazy-module' }, ({ path }) => ({
      contents: `let real; module.exports = (...args) => (real ??= require(${JSON.stringify(path)}))(...args);`,
      resolveDir: '/',
    }));
  },
};

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
  plugins: [lazyLoad],
});
