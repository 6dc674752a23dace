// Bundles the CLI into CommonJS files, which bin/parity.js loads: Node then
// compiles one script instead of resolving and reading ~300 modules, which
// halves start-up (see docs/performance.md, "Start-up scales with the
// command"). One bundle per command (dist/command/NAME.cjs: the CLI with that
// command's code alone) and dist/parity.cjs (no command's code, for --help,
// --version and arguments that name no command); undici and the packages only
// some inputs need in dist/vendor/. A command compiles what it can run and
// evaluates what it uses (`validate` never evaluates undici, so Node never
// loads its HTTP, TLS and fetch internals). Measured on Node 20, 10 paired
// rounds of whole processes' CPU: one file with lazy commands against
// esbuild's ESM code splitting (a chunk per command and per code they share,
// 57 files): `run` of one case 0.229 s vs 0.260 s, `validate` 0.148 s vs
// 0.134 s, `--version` 0.135 s vs 0.113 s: the split saves the commands that
// send nothing 14-22 ms but costs `run` 31 ms (Node's ES module loader, per
// file), and the run is what parity is for. A CommonJS bundle per command has
// neither cost. The library modules stay in dist/ as tsc emits them.
// Usage: node scripts/bundle.mjs [OUT_DIR]   (default dist; the bin test bundles elsewhere)
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

// `parity --version` prints package.json's version (src/cli/version.ts).
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const outDir = process.argv[2] ?? 'dist';
const common = {
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
};

// undici (~720 KB bundled, a third of the CLI) is bundled into a file of its
// own, dist/vendor/undici.cjs, which the CLI requires when the HTTP client's
// module is first evaluated: the commands that send nothing no longer
// pre-parse it at start-up, and the commands that send compile the same bytes
// as before. Measured paired (9 rounds, whole processes' CPU, Node 20):
// `validate` of one case and `--version` ~8 ms less; a one-case `run` the same.
const VENDORED = ['undici'];

// Packages the CLI needs only for some inputs: YAML files (yaml), a rule with a
// regex (re2js), XML bodies (fast-xml-parser), a divergent body (jsondiffpatch),
// numbers JSON cannot hold exactly (lossless-json), a progress bar on a
// terminal (cli-progress). Each is bundled into a file
// of its own (dist/vendor/NAME.cjs) like undici, and the CLI's bundle sees, in
// its place, a module whose exports are getters that require that file on
// first use: a run of JSON cases with no regex rule never compiles yaml or re2js.
// The same for `node:child_process` (commander requires it at load for
// subcommands parity never has; `fuzz`'s reset hook spawns): Node loads it, and
// the net and dgram modules behind it, when something first spawns.
// A command that sends nothing sets no V8 flags (src/bin.ts), so a Node module
// it loads late is compiled from Node's built-in code cache as early: its
// bundle requires `node:fs/promises` (and the readline, directory and watcher
// modules behind it) on first use too, and `validate` of case files and a
// config read synchronously never loads it. A command that sends keeps it
// eager: loaded after the flags, Node would compile it from source.
// zod too: a one-case `validate` (a plain case, no config, no rules) checks
// everything without it (src/io/cases/plain-fast.ts, src/cli/option-kinds.ts),
// and no module builds a schema when it loads, so the commands compile and
// evaluate zod (~150 KB) only when an input needs a schema. And commander
// (~55 KB): arguments that are a command and its operands alone (`parity
// validate cases/`) run that command without it (src/cli/main.ts).
const LAZY = [
  '@readme/openapi-parser',
  'yaml',
  're2js',
  'fast-xml-parser',
  'jsondiffpatch',
  'lossless-json',
  'cli-progress',
  'zod',
  'commander',
];
const LAZY_BUILTINS = ['node:child_process'];
const LAZY_UNLESS_SENDING = ['node:fs/promises'];
const require = createRequire(import.meta.url);
/** A vendored package's file in dist/vendor/ (`@readme/openapi-parser` → `openapi-parser.cjs`). */
const vendorFile = (name) => `${name.replace(/^@[^/]+\//, '')}.cjs`;
/** The CommonJS source of a module that requires `file` when one of `names` is first read. */
function lazyModule(file, exports) {
  const names = Object.keys(exports).filter((name) => name !== '__esModule');
  const getters = names.map(
    (name) =>
      `${JSON.stringify(name)}: { enumerable: true, get: () => load()[${JSON.stringify(name)}] }`,
  );
  if (exports.__esModule) getters.push('__esModule: { value: true }');
  return [
    'let loaded;',
    `const load = () => (loaded ??= require(${JSON.stringify(file)}));`,
    `module.exports = Object.defineProperties({}, {\n  ${getters.join(',\n  ')}\n});`,
  ].join('\n');
}

const escaped = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const external = (names) => new RegExp(`^(${names.map(escaped).join('|')})$`);
/** Resolves the vendored packages to their own files and the lazy ones to their lazy modules. */
const vendored = (lazyExports, vendor, sends = true) => ({
  name: 'vendored',
  setup(build) {
    const builtins = sends ? LAZY_BUILTINS : [...LAZY_BUILTINS, ...LAZY_UNLESS_SENDING];
    // A bundle that sends requires undici when the HTTP client's module is
    // evaluated; one that may not send (dist/parity.cjs), on first use.
    const eager = sends ? VENDORED : [];
    build.onResolve({ filter: external(eager) }, (args) => ({
      path: `${vendor}/${vendorFile(args.path)}`,
      external: true,
    }));
    const lazy = sends ? LAZY : [...LAZY, ...VENDORED];
    build.onResolve({ filter: external(lazy) }, (args) => ({ path: args.path, namespace: 'lazy' }));
    // A lazy builtin's own module requires the real builtin: that require is
    // external, or the module would require itself (a stack overflow at first use).
    build.onResolve({ filter: external(builtins) }, (args) =>
      args.namespace === 'lazy'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'lazy' },
    );
    build.onResolve({ filter: /^\.\.?\/vendor\/.*\.cjs$/ }, (args) => ({
      path: args.path,
      external: true,
    }));
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, ({ path }) => ({
      contents: builtins.includes(path)
        ? lazyModule(path, require(path))
        : lazyModule(`${vendor}/${vendorFile(path)}`, lazyExports.get(path)),
      loader: 'js',
    }));
  },
});

/**
 * The names parity's source reads of `import * as z from 'zod'` (`z.string`,
 * `z.ZodObject`, …; not a namespace read further, `z.core.…`, which is
 * types), among those zod exports: dist/vendor/zod.cjs holds these alone, as
 * the CLI's bundle held the zod code it used (zod's whole build, every locale
 * with it, is ~700 KB). Each bundle is checked against it below.
 */
function zodNamesUsed() {
  const all = new Set(Object.keys(require('zod')));
  const names = new Set();
  for (const file of readdirSync('src', { recursive: true })) {
    if (!String(file).endsWith('.ts')) continue;
    const source = readFileSync(join('src', String(file)), 'utf8');
    for (const [, name] of source.matchAll(/\bz\s*\.\s*([A-Za-z_$][\w$]*)(?!\s*\.)/g)) {
      if (all.has(name)) names.add(name);
    }
  }
  return [...names].sort();
}
const ZOD_NAMES = zodNamesUsed();

/** The source of a vendored package's file: all of it, or zod's exports that parity uses. */
const vendorEntry = (name) =>
  name === 'zod'
    ? `export { ${ZOD_NAMES.join(', ')} } from 'zod';`
    : `module.exports = require(${JSON.stringify(name)});`;

/** Resolves `builtins` to modules that require them on first use (for the vendored files). */
const lazyBuiltins = (builtins) => ({
  name: 'lazy-builtins',
  setup(build) {
    build.onResolve({ filter: external(builtins) }, (args) =>
      args.namespace === 'lazy-builtin'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'lazy-builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, ({ path }) => ({
      contents: lazyModule(path, require(path)),
      loader: 'js',
    }));
  },
});

// The OpenAPI parser (bundled with its validators: ~570 KB that only a command
// reading an OpenAPI document compiles) loads undici by a computed name, so
// that bundlers leave it out, to fetch a remote `$ref`: here it gets the
// undici parity bundles (7), and the package installs no second undici (its
// dependency asks for 6).
const OPENAPI_UNDICI =
  'await Promise.resolve().then(() => _interopRequireWildcard(require(undiciModuleName)))';
const undiciOfParity = {
  name: 'undici-of-parity',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]@readme[\\/]openapi-parser[\\/]dist[\\/]index\.cjs$/ },
      ({ path }) => {
        const source = readFileSync(path, 'utf8');
        if (!source.includes(OPENAPI_UNDICI)) {
          throw new Error(`${path}: its require of undici changed; update scripts/bundle.mjs`);
        }
        return {
          contents: source.replace(OPENAPI_UNDICI, 'require("./undici.cjs")'),
          loader: 'js',
        };
      },
    );
    build.onResolve({ filter: /^\.\/undici\.cjs$/ }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};

// The vendored files first: the lazy modules name the exports they find there.
for (const old of ['command', 'vendor', 'parity.cjs', 'index.cjs', 'index.js']) {
  rmSync(join(outDir, old), { recursive: true, force: true });
}
const lazyExports = new Map();
for (const name of [...VENDORED, ...LAZY]) {
  const outfile = join(outDir, 'vendor', vendorFile(name));
  await build({
    ...common,
    stdin: { contents: vendorEntry(name), resolveDir: '.' },
    outfile,
    // Third-party code: its local names shortened too (~30% fewer bytes; its
    // exports keep their names). Not undici's: a one-case `run` measured ~5%
    // more instructions with its names shortened (1.21 against 1.15 × the
    // floor, callgrind, two runs each).
    minifyIdentifiers: name !== 'undici',
    // commander requires node:child_process when it loads: lazy there too.
    plugins: [lazyBuiltins(LAZY_BUILTINS), undiciOfParity],
  });
  lazyExports.set(name, require(resolve(outfile)));
}

/** Fails the build when `bundle` reads a name of zod's that dist/vendor/zod.cjs does not export. */
function checkZodNames(bundle, file) {
  const vars = [...bundle.matchAll(/\b([\w$]+)\s*=\s*__toESM\(require_zod\(\)/g)].map((m) => m[1]);
  const exported = new Set(ZOD_NAMES);
  for (const name of vars) {
    const reads = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\.([\\w$]+)`, 'g');
    for (const [, used] of bundle.matchAll(reads)) {
      if (!exported.has(used)) {
        throw new Error(`${file} reads zod's ${used}, which scripts/bundle.mjs does not vendor`);
      }
    }
  }
}

const cliBundle = {
  ...common,
  entryPoints: ['src/bin.ts'],
  // import.meta.url: src/util/package-root.ts reads it only where __dirname is
  // missing (an ES module); a CommonJS bundle has __dirname.
  define: { PARITY_VERSION: JSON.stringify(version), 'import.meta.url': 'undefined' },
  // Loaded from node_modules by `parity fuzz` alone (installed: their types are
  // in parity's declarations).
  external: ['fast-check', 'pure-rand', 'pure-rand/*'],
};

// A bundle per command (dist/command/NAME.cjs), which the bin loads when the
// arguments name that command first: the CLI with that command's code alone
// (main imports the others' modules from src/cli/commands/, which are left
// out), so `validate` compiles the case checks and not the HTTP runs, the
// reports and the importers. Node compiles a bundle before it runs any of it,
// in time about linear in its size (~18 ms per MB here), so a command pays
// for what it can run, not for the whole CLI. dist/parity.cjs, for `--help`,
// `--version` and arguments that name no command, has no command's code:
// commander runs a command's action only when the arguments name it first.
const COMMANDS = ['validate', 'run'];
/** main's `import('./commands/OTHER.js')` for the commands other than `name`: a module that says so. */
const onlyCommand = (name) => ({
  name: 'only-command',
  setup(build) {
    build.onResolve({ filter: /^\.\/commands\/[a-z-]+\.js$/ }, (args) =>
      args.path === `./commands/${name}.js` ? undefined : { path: args.path, namespace: 'other' },
    );
    // The command's own module, imported statically: esbuild then evaluates
    // its modules in the bundle's top level, not each in a function of its own
    // that V8 pre-parses when it compiles the bundle and parses again when the
    // command is loaded.
    if (name !== undefined) {
      build.onLoad({ filter: /[\\/]src[\\/]cli[\\/]main\.ts$/ }, async ({ path }) => {
        const dynamic = `import('./commands/${name}.js')`;
        const source = await readFile(path, 'utf8');
        if (!source.includes(dynamic)) throw new Error(`${path} has no ${dynamic}`);
        return {
          contents: `import * as ownCommand from './commands/${name}.js';\n${source.replace(dynamic, 'Promise.resolve(ownCommand)')}`,
          loader: 'ts',
        };
      });
    }
    build.onLoad({ filter: /.*/, namespace: 'other' }, ({ path }) => ({
      contents: `throw new Error(${JSON.stringify(`${path} is not in ${name === undefined ? 'dist/parity.cjs' : `the bundle of \`parity ${name}\``}`)});`,
      loader: 'js',
    }));
  },
});
// The commands that send requests (their bundles hold the HTTP client): only
// they set the bin's V8 flags, which serve a run's memory (src/bin.ts reads
// `PARITY_SENDS`). Checked below against what each bundle requires.
const SENDING = ['calibrate', 'fuzz', 'proxy', 'record', 'run', 'shadow'];
await build({
  ...cliBundle,
  entryPoints: undefined,
  stdin: {
    // The API is evaluated when dist/index.js first asks for it, not by the CLI.
    contents: "export * from './src/bin.ts';\nexport const api = () => require('./src/index.ts');",
    resolveDir: '.',
    sourcefile: 'parity.entry.ts',
    loader: 'ts',
  },
  // The bin passes its V8 flags to the commands that send alone.
  define: { ...cliBundle.define, PARITY_SENDS: 'true' },
  outfile: join(outDir, 'parity.cjs'),
  plugins: [vendored(lazyExports, './vendor', false)],
});
checkZodNames(readFileSync(join(outDir, 'parity.cjs'), 'utf8'), join(outDir, 'parity.cjs'));
for (const name of COMMANDS) {
  const sends = SENDING.includes(name);
  const outfile = join(outDir, 'command', `${name}.cjs`);
  await build({
    ...cliBundle,
    define: { ...cliBundle.define, PARITY_SENDS: String(sends) },
    outfile,
    plugins: [vendored(lazyExports, '../vendor', sends), onlyCommand(name)],
  });
  const bundle = readFileSync(outfile, 'utf8');
  checkZodNames(bundle, outfile);
  if (bundle.includes('../vendor/undici.cjs') !== sends) {
    throw new Error(
      `${outfile}: SENDING in scripts/bundle.mjs says it ${sends ? 'sends' : 'sends nothing'}, but it ${sends ? 'does not require' : 'requires'} the HTTP client`,
    );
  }
}

// The package's API (src/index.ts) is in dist/parity.cjs too: dist/index.js,
// the ES module that the package exports, names it.
/** The names src/index.ts exports (its values: esbuild drops the types). */
async function apiNames() {
  const { metafile } = await build({
    entryPoints: ['src/index.ts'],
    bundle: false,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: outDir,
    logLevel: 'warning',
  });
  return Object.values(metafile.outputs).flatMap((output) => output.exports);
}
const api = await apiNames();
writeFileSync(
  join(outDir, 'index.js'),
  [
    "// The package's API (src/index.ts), bundled into ./parity.cjs by scripts/bundle.mjs.",
    "import cli from './parity.cjs';",
    `export const { ${api.join(', ')} } = cli.api();`,
    '',
  ].join('\n'),
);
