// Bundles the CLI and the API into CommonJS files, which bin/parity.js and
// dist/index.js load: Node then compiles a few scripts instead of resolving
// and reading ~300 modules, which halves start-up (see docs/performance.md,
// "Start-up scales with the command"). Each module of parity ships once:
// dist/parity.cjs (the CLI, no command's code), dist/api.cjs (the API), one
// file per command whose start-up the goals measure (validate, run), one for
// the other commands, and the chunks they share (dist/chunk-*.cjs, esbuild's
// code splitting turned into CommonJS, see `toCommonJs`); undici and the
// packages only some inputs need in dist/vendor/. A command loads the files
// of the modules it can reach and evaluates what it uses (`validate` never
// evaluates undici, so Node never loads its HTTP, TLS and fetch internals).
// Usage: node scripts/bundle.mjs [OUT_DIR]   (default dist; the bin test bundles elsewhere)
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { compileFunction } from 'node:vm';
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

// undici (its pool and connector, ~340 KB bundled) is bundled into a file of its
// own, dist/vendor/undici.cjs, which the CLI requires on first use: the
// commands that send nothing never compile it. The bin requires it before the
// code of a command that sends, and before the V8 flags (bin/parity.js).
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
// A command that sends nothing sets no V8 flags (src/cli/bin.ts), so a Node module
// it loads late is compiled from Node's built-in code cache as early: the CLI
// requires `node:fs/promises` (and the readline, directory and watcher
// modules behind it) on first use too, and `validate` of case files and a
// config read synchronously never loads it. For a command that sends, the bin
// requires it first: loaded after the flags, Node would compile it from source.
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
/** Resolves the vendored and lazy packages (and builtins) to modules that require them on first use. */
const vendored = (lazyExports, vendor) => ({
  name: 'vendored',
  setup(build) {
    const builtins = [...LAZY_BUILTINS, ...LAZY_UNLESS_SENDING];
    const lazy = [...LAZY, ...VENDORED];
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

// What parity takes of undici: its connection pool and connector (src/io/http/
// client.ts), required from their own modules rather than undici's index, which
// also holds fetch, WebSocket, EventSource, its caches and its mocks: 339 KB
// bundled where the index is 715 KB (96 KB gzipped against 180 KB). The OpenAPI
// parser's require of undici (below) gets this file too; it would want `fetch`
// and `Agent` only to fetch a remote `$ref`, which parity turns off
// (src/io/openapi/load.ts, LOCAL_ONLY), and the build checks that it still does.
const UNDICI_PARTS = {
  Pool: 'undici/lib/dispatcher/pool.js',
  buildConnector: 'undici/lib/core/connect.js',
};

if (
  !/resolve: \{ external: false, file: false \}/.test(
    readFileSync('src/io/openapi/load.ts', 'utf8'),
  )
) {
  throw new Error(
    'src/io/openapi/load.ts no longer turns off remote $refs: the OpenAPI parser would need undici.fetch, which dist/vendor/undici.cjs does not hold (scripts/bundle.mjs, UNDICI_PARTS)',
  );
}

/** The source of a vendored package's file: all of it, or the parts parity uses (zod, undici). */
const vendorEntry = (name) => {
  if (name === 'zod') return `export { ${ZOD_NAMES.join(', ')} } from 'zod';`;
  if (name === 'undici') {
    const parts = Object.entries(UNDICI_PARTS).map(([key, path]) => `${key}: require('${path}')`);
    return `module.exports = { ${parts.join(', ')} };`;
  }
  return `module.exports = require(${JSON.stringify(name)});`;
};

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

// The OpenAPI parser (bundled with its validators: ~500 KB that only a command
// reading an OpenAPI document compiles) loads undici by a computed name, so
// that bundlers leave it out, to fetch a remote `$ref`: here it gets the
// undici parity bundles (7), and the package installs no second undici (its
// dependency asks for 6). Its build also holds a YAML parser of its own
// (js-yaml, ~85 KB, for a `$ref` to a YAML file): here it gets parity's
// (yaml), so the package ships one YAML parser. parity gives the parser a
// parsed document and no file or URL to read (src/io/openapi/load.ts), but a
// `$ref` to a YAML file would parse the same.
const OPENAPI_UNDICI =
  'await Promise.resolve().then(() => _interopRequireWildcard(require(undiciModuleName)))';
const JS_YAML =
  /\n\/\/ [^\n]*\/js-yaml\/dist\/js-yaml\.mjs\n[\s\S]*?(?=\n\/\/ [^\n]*\/parsers\/yaml\.js\n)/;
const YAML_OF_PARITY = `
// js-yaml's API as the YAML parser reads it, on parity's YAML parser (scripts/bundle.mjs)
var CORE_SCHEMA = { withTags: () => CORE_SCHEMA };
var timestampTag, mergeTag, binaryTag, omapTag, pairsTag, setTag;
function load(text) { return require("./yaml.cjs").parse(text); }
function loadAll(text) { return require("./yaml.cjs").parseAllDocuments(text).map((document) => document.toJS()); }
`;
const openApiParserOfParity = {
  name: 'openapi-parser-of-parity',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]@readme[\\/]openapi-parser[\\/]dist[\\/]index\.cjs$/ },
      ({ path }) => {
        const source = readFileSync(path, 'utf8');
        if (!source.includes(OPENAPI_UNDICI) || !JS_YAML.test(source)) {
          throw new Error(
            `${path}: its require of undici or its js-yaml changed; update scripts/bundle.mjs`,
          );
        }
        return {
          contents: source
            .replace(OPENAPI_UNDICI, 'require("./undici.cjs")')
            .replace(JS_YAML, YAML_OF_PARITY),
          loader: 'js',
        };
      },
    );
    build.onResolve({ filter: /^\.\/(undici|yaml)\.cjs$/ }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};

// The vendored files first: the lazy modules name the exports they find there.
for (const old of (existsSync(outDir) ? readdirSync(outDir) : []).filter(
  (f) => /\.c?js$/.test(f) || ['command', 'vendor'].includes(f),
)) {
  rmSync(join(outDir, old), { recursive: true, force: true });
}
const lazyExports = new Map();
/** The folders of the packages bundled into dist/vendor/, each with the vendored file that holds it. */
const bundledPackages = new Map();
/** The package folder (`node_modules/…/NAME`) of a file esbuild read, if any. */
function packageFolder(input) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match === null ? undefined : match[1];
}
for (const name of [...VENDORED, ...LAZY]) {
  const outfile = join(outDir, 'vendor', vendorFile(name));
  const { metafile } = await build({
    ...common,
    stdin: { contents: vendorEntry(name), resolveDir: '.' },
    outfile,
    // Third-party code: its local names shortened too (~30% fewer bytes; its
    // exports keep their names). Not undici's: a one-case `run` measured ~5%
    // more instructions with its names shortened (1.21 against 1.15 × the
    // floor, callgrind, two runs each).
    minifyIdentifiers: name !== 'undici',
    // commander requires node:child_process when it loads: lazy there too.
    plugins: [lazyBuiltins(LAZY_BUILTINS), openApiParserOfParity],
    metafile: true,
  });
  for (const input of Object.keys(metafile.inputs)) {
    const folder = packageFolder(input);
    if (folder === undefined) continue;
    // Each package in one file of dist/vendor/: in two, its code would ship twice.
    const first = bundledPackages.get(folder);
    if (first !== undefined && first !== name) {
      throw new Error(
        `${folder} would be bundled into both dist/vendor/${vendorFile(first)} and ${vendorFile(name)}: make one require the other (as the OpenAPI parser requires undici.cjs and yaml.cjs)`,
      );
    }
    bundledPackages.set(folder, name);
  }
  lazyExports.set(name, require(resolve(outfile)));
}
// One version of each package in dist/vendor/ (and none that the package
// installs as a dependency: those are loaded from node_modules).
const versions = new Map();
for (const folder of bundledPackages.keys()) {
  const { name, version: packageVersion } = JSON.parse(
    readFileSync(join(folder, 'package.json'), 'utf8'),
  );
  versions.set(name, new Set([...(versions.get(name) ?? []), packageVersion]));
}
const twice = [...versions].filter(([, found]) => found.size > 1);
if (twice.length > 0) {
  throw new Error(
    `dist/vendor/ would hold two versions of ${twice.map(([name, found]) => `${name} (${[...found].join(', ')})`).join(', ')}`,
  );
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

// The CLI and the API: one esbuild build with code splitting, so that each
// module ships once. esbuild splits only to ES modules; each file is then
// turned into CommonJS (`toCommonJs` below), which bin/parity.js requires:
// Node never starts its ES module loader. The entries are dist/parity.cjs
// (the CLI: src/cli/bin.ts, no command's code) and dist/api.cjs (the API,
// src/index.ts); each `import()` of a command's module (src/cli/main.ts), or
// of a module only some inputs need, is a file of its own, and the code that
// several of them share is in chunks (dist/chunk-*.cjs), one per set of
// files that share it: a command loads exactly the modules it can reach.
// The commands whose start-up the goals measure (validate, run) are files of
// their own, and so is fuzz (it loads fast-check from node_modules) and any
// command not listed below; the others share a file per group (`GROUPS`):
// fewer entries, fewer chunks (esbuild makes one per set of entries that share
// code), fewer files for a command to load (each is a `require`: with a file
// per command, ~100 files, a one-case run measured ~2% more instructions).
// The commands that serve or send (node:http) are not grouped with those that
// read files alone, which then never load Node's HTTP modules.
const GROUPS = {
  'local-commands': [
    'show',
    'decide',
    'tracker',
    'merge',
    'report',
    'import',
    'init',
    'completion',
  ],
  'serving-commands': ['proxy', 'shadow', 'record', 'calibrate', 'demo'],
};
const groupOf = (command) => Object.keys(GROUPS).find((group) => GROUPS[group].includes(command));
const GROUP = /^parity-command-group:([a-z-]+)$/;
const commandGroups = {
  name: 'command-groups',
  setup(build) {
    const dynamic = /import\('\.\/commands\/([a-z-]+)\.js'\)/g;
    build.onLoad(
      { filter: /[\\/]src[\\/]cli[\\/]main\.ts$/, namespace: 'file' },
      async ({ path }) => {
        const source = await readFile(path, 'utf8');
        const found = [...source.matchAll(dynamic)].map((m) => m[1]);
        const missing = Object.values(GROUPS)
          .flat()
          .filter((name) => !found.includes(name));
        if (missing.length > 0) {
          throw new Error(
            `${path}: no import('./commands/NAME.js') of ${missing.join(', ')}; update GROUPS in scripts/bundle.mjs`,
          );
        }
        const contents = source.replace(dynamic, (whole, name) => {
          const group = groupOf(name);
          return group === undefined
            ? whole
            : `import('parity-command-group:${group}').then((group) => group[${JSON.stringify(name)}])`;
        });
        return { contents, loader: 'ts' };
      },
    );
    // A group's file is named after it: dist/local-commands-HASH.cjs.
    build.onResolve({ filter: GROUP }, (args) => ({
      path: join(dirname(args.importer), GROUP.exec(args.path)[1]),
      namespace: 'command-group',
    }));
    build.onLoad({ filter: /.*/, namespace: 'command-group' }, ({ path }) => ({
      contents: GROUPS[basename(path)]
        .map((name) => `export * as ${JSON.stringify(name)} from './commands/${name}.js';`)
        .join('\n'),
      resolveDir: dirname(path),
      loader: 'ts',
    }));
  },
};
// The run's one lazy boundary of parity's own code: src/core/compare/explaining.ts
// (`explainingCode()`, the code that explains and groups divergences) is an
// entry of its own, dist/explaining.cjs, and every module that imports it
// sees, in its place, a module whose export is a getter that requires that
// file on first use, as the lazy packages above: a run whose answers all
// agree never compiles it. Measured (callgrind, the bench's one-case run):
// see the function's comment there.
const EXPLAINING = 'src/core/compare/explaining.ts';
/** The names `entry` exports (its values: esbuild drops the types). */
async function exportsOf(entry) {
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: false,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: outDir,
    logLevel: 'warning',
  });
  return Object.values(metafile.outputs).flatMap((output) => output.exports);
}
const explainingNames = Object.fromEntries(
  (await exportsOf(EXPLAINING)).map((name) => [name, true]),
);
const explainingOnFirstUse = {
  name: 'explaining-on-first-use',
  setup(build) {
    build.onResolve({ filter: /\/explaining\.js$/ }, (args) =>
      resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')) === resolve(EXPLAINING)
        ? { path: 'explaining', namespace: 'lazy-explaining' }
        : undefined,
    );
    build.onResolve({ filter: /^\.\/explaining\.cjs$/ }, (args) => ({
      path: args.path,
      external: true,
    }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-explaining' }, () => ({
      contents: lazyModule('./explaining.cjs', explainingNames),
      loader: 'js',
    }));
  },
};
const split = await build({
  ...common,
  format: 'esm',
  splitting: true,
  write: false,
  entryPoints: [
    { in: 'src/cli/bin.ts', out: 'parity' },
    { in: 'src/index.ts', out: 'api' },
    // The worker threads of `parity proxy`/`parity shadow`: the listening
    // one (src/cli/shadow-listening-thread.ts) and the judging one it starts
    // (src/cli/shadow-thread.ts).
    { in: 'src/cli/shadow-listening-thread.ts', out: 'shadow-listening' },
    { in: 'src/cli/shadow-thread.ts', out: 'shadow-thread' },
    { in: EXPLAINING, out: 'explaining' },
  ],
  outdir: outDir,
  chunkNames: '[name]-[hash]',
  entryNames: '[name]',
  outExtension: { '.js': '.cjs' },
  // import.meta.url: src/util/package-root.ts reads it only where __dirname is
  // missing (an ES module); a CommonJS file has __dirname.
  define: { PARITY_VERSION: JSON.stringify(version), 'import.meta.url': 'undefined' },
  // Loaded from node_modules by `parity fuzz` alone (installed: their types are
  // in parity's declarations).
  external: ['fast-check', 'pure-rand', 'pure-rand/*'],
  plugins: [vendored(lazyExports, './vendor'), commandGroups, explainingOnFirstUse],
});

/**
 * An ES module esbuild wrote (imports first, one `export {…}` or `export
 * default …` last) as CommonJS: `import {a as b} from "X"` becomes
 * `const {a: b} = require("X")`, the export `module.exports = {…}` at the end,
 * `import("X")` a `require` in a promise. esbuild's own transform to CommonJS
 * keeps the bindings live (a getter per export, a property read at each use):
 * measured, it cost `validate` ~50 M instructions (~10% of Node's start-up).
 * Plain values are the same as live bindings here because the files import
 * each other without cycles (checked below), so a file is fully evaluated
 * before any file that imports it reads its exports, and because no exported
 * variable is assigned after its declaration (checked below too).
 */
function toCommonJs(source, file) {
  const head = [];
  // esbuild writes the imports of other files first, those of Node's modules
  // where it meets them: each at a statement's start. ES modules evaluate
  // every import first: so do these requires.
  const IMPORT =
    /(?<=^|[;}])import\s*(?:([\w$]+)\s*,?\s*)?(?:\{([^}]*)\}\s*|\*\s*as\s+([\w$]+)\s*)?(?:from\s*)?"([^"]+)";?/g;
  let rest = source.replace(IMPORT, (_, name, named, namespace, from) => {
    const required = `require(${JSON.stringify(from)})`;
    if (name === undefined && named === undefined && namespace === undefined)
      head.push(`${required};`);
    if (name !== undefined) head.push(`const ${name}=${required};`);
    if (namespace !== undefined) head.push(`const ${namespace}=${required};`);
    if (named !== undefined) {
      const bindings = named
        .split(',')
        .map((part) => part.trim().split(/\s+as\s+/))
        .map(([imported, local]) =>
          local === undefined || local === imported ? imported : `${imported}:${local}`,
        );
      head.push(`const{${bindings.join(',')}}=${required};`);
    }
    return '';
  });
  let tail = '';
  const exported = /export\s*\{([^}]*)\};?\s*$/.exec(rest);
  const byDefault = /export default ([^;]*);?\s*$/.exec(rest);
  if (exported !== null) {
    const names = exported[1].split(',').map((part) => part.trim().split(/\s+as\s+/));
    for (const [local] of names) assertAssignedOnce(rest, local, file);
    tail = `module.exports={${names.map(([local, as]) => (as === undefined || as === local ? local : `${as}:${local}`)).join(',')}};`;
    rest = rest.slice(0, exported.index);
  } else if (byDefault !== null) {
    tail = `module.exports=${byDefault[1]};`;
    rest = rest.slice(0, byDefault.index);
  }
  rest = rest.replace(
    /\bimport\("(\.\/[^"]+\.cjs)"\)/g,
    (_, path) => `Promise.resolve().then(()=>require(${JSON.stringify(path)}))`,
  );
  const code = `"use strict";${head.join('')}${rest}\n${tail}\n`;
  // What is left must be a CommonJS module's body (no import or export statement).
  compileFunction(code, ['exports', 'require', 'module', '__filename', '__dirname'], {
    filename: file,
  });
  return code;
}

/** Fails the build when the exported `name` may be assigned again after its declaration (see toCommonJs). */
function assertAssignedOnce(code, name, file) {
  const escapedName = name.replace(/\$/g, '\\$');
  if (new RegExp(`(?:function\\*?|class)\\s+${escapedName}\\b`).test(code)) return;
  const assignments = code.match(
    new RegExp(
      `(?<![\\w$.])${escapedName}\\s*(?:=(?!=|>)|\\+\\+|--|[-+*/%&|^]=|\\?\\?=|&&=|\\|\\|=)`,
      'g',
    ),
  );
  if ((assignments?.length ?? 0) > 1) {
    throw new Error(
      `${file}: the exported ${name} may be assigned after its declaration, which CommonJS exports would not follow (scripts/bundle.mjs, toCommonJs); export a function that reads it instead, or rename a local variable that shadows it`,
    );
  }
}

const files = new Map(split.outputFiles.map((output) => [basename(output.path), output.text]));
// No cycles between the files (see toCommonJs).
const importsOf = (text) =>
  [...text.matchAll(/(?:^|;)import\s*(?:[^"(;]*from\s*)?"\.\/([^"]+)"/g)].map((m) => m[1]);
const visiting = new Set();
const done = new Set();
const visit = (name, path) => {
  if (done.has(name)) return;
  if (visiting.has(name))
    throw new Error(
      `scripts/bundle.mjs: the bundle's files import each other in a cycle: ${[...path, name].join(' → ')}`,
    );
  visiting.add(name);
  for (const next of importsOf(files.get(name) ?? '')) visit(next, [...path, name]);
  visiting.delete(name);
  done.add(name);
};
for (const name of files.keys()) visit(name, []);
for (const [name, text] of files) {
  const code = toCommonJs(text, name);
  checkZodNames(code, name);
  writeFileSync(join(outDir, name), code);
}

// The package's API (src/index.ts) is in dist/parity.cjs too: dist/index.js,
// the ES module that the package exports, names it.
const api = await exportsOf('src/index.ts');
writeFileSync(
  join(outDir, 'index.js'),
  [
    "// The package's API (src/index.ts), bundled into ./parity.cjs by scripts/bundle.mjs.",
    "import api from './api.cjs';",
    `export const { ${api.join(', ')} } = api;`,
    '',
  ].join('\n'),
);
