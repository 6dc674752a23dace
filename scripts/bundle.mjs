// Bundles the CLI into one CommonJS file (dist/parity.cjs) for start-up time:
// Node compiles one script instead of resolving ~300 modules. The library
// modules stay in dist/ as tsc emits them.
// Usage: node scripts/bundle.mjs [OUT_DIR]   (default dist; the bin test bundles elsewhere)
import { join } from 'node:path';
import { build } from 'esbuild';

// Modules that dependencies load at start-up for paths a parity run never
// takes, each bundled behind a stand-in that loads it on first use:
// commander's child_process (executable subcommands), cli-progress's readline
// (a TTY progress bar), and undici's HTTP/2 client, whose node:http2 (with
// node:tls) is ~5 ms of every start-up while parity speaks HTTP/1.1.
// `members`: the importer calls `module.method(…)`, so a member is looked up
// when used; `function`: the module is one function (undici's connectH2).
const LAZY = [
  { module: 'node:child_process', from: '/commander/lib/command.js', standIn: 'members' },
  { module: 'readline', from: '/cli-progress/lib/terminal.js', standIn: 'members' },
  { module: './client-h2.js', from: '/undici/lib/dispatcher/client.js', standIn: 'function' },
];
const STAND_INS = {
  members: (real) =>
    `module.exports = new Proxy({}, { get: (_, name) => require(${real})[name] });`,
  function: (real) =>
    `let real; module.exports = (...args) => (real ??= require(${real}))(...args);`,
};
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const slashes = (path) => path.replaceAll('\\', '/');

/** @type {import('esbuild').Plugin} */
const lazyLoad = {
  name: 'lazy-load',
  setup(bundle) {
    const filter = new RegExp(`^(${LAZY.map((l) => escapeRegExp(l.module)).join('|')})$`);
    bundle.onResolve({ filter }, ({ path, importer, resolveDir }) => {
      const lazy = LAZY.find((l) => l.module === path && slashes(importer).endsWith(l.from));
      if (lazy === undefined) return undefined;
      // A relative module is bundled (resolved from its importer); a built-in stays a require.
      const real = path.startsWith('.') ? join(resolveDir, path) : path;
      return { path: real, namespace: 'lazy', pluginData: lazy.standIn };
    });
    bundle.onLoad({ filter: /.*/, namespace: 'lazy' }, ({ path, pluginData }) => ({
      contents: STAND_INS[pluginData](JSON.stringify(path)),
      resolveDir: '/',
    }));
  },
};

const outDir = process.argv[2] ?? 'dist';
const outfile = join(outDir, 'parity.cjs');
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
