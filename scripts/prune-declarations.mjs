// Keeps in dist/ the declarations the package's types reach (dist/index.d.ts
// and what it imports, transitively), and removes the rest: tsc declares every
// module, but the package exports its API alone (package.json `exports`), so a
// declaration nothing public reaches can never be read; it only made the
// package bigger (~60% of the declarations' bytes).
// Usage: node scripts/prune-declarations.mjs [DIST]   (default dist)
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const dist = resolve(process.argv[2] ?? 'dist');
const program = ts.createProgram([join(dist, 'index.d.ts')], {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  noEmit: true,
  types: [],
});
const reached = new Set(
  program
    .getSourceFiles()
    .map((file) => resolve(file.fileName))
    .filter((file) => file.startsWith(`${dist}/`)),
);
if (!reached.has(join(dist, 'index.d.ts'))) {
  throw new Error(`${dist}/index.d.ts is missing: run tsc -p tsconfig.build.json first`);
}
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  const path = join(entry.parentPath, entry.name);
  if (entry.isFile() && entry.name.endsWith('.d.ts') && !reached.has(path)) rmSync(path);
}
// The folders left empty.
const folders = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => join(entry.parentPath, entry.name))
  .sort((a, b) => b.length - a.length);
for (const folder of folders) {
  if (readdirSync(folder).length === 0) rmdirSync(folder);
}

// zod's declarations, which the API's reach (its types are zod's outputs, e.g.
// `RunReport` is `z.output<typeof runReportSchema>`), ship in
// dist/zod-types/ (with zod's licence), and the declarations import them
// there instead of from the package `zod`: zod's code is bundled
// (dist/vendor/zod.cjs), so zod is a devDependency, and a project that installs
// parity resolves the API's types without zod installed. Only the files the API
// reaches (zod's `.d.cts` set, ~250 KB unpacked); no code. Their doc comments
// are left out: they are zod's hover text for writing schemas, which a user of
// parity's types does not do, and they were ~11 KB of the packed 1.2 MB
// (issue 46's size goal).
const ZOD_TYPES = join(dist, 'zod-types');
const zodRoot = resolve(dirname(createRequire(import.meta.url).resolve('zod/package.json')));
const zodFiles = program
  .getSourceFiles()
  .map((file) => resolve(file.fileName))
  .filter((file) => file.startsWith(`${zodRoot}/`));
if (zodFiles.length > 0) {
  rmSync(ZOD_TYPES, { recursive: true, force: true });
  for (const file of zodFiles) {
    const to = join(ZOD_TYPES, relative(zodRoot, file));
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, withoutComments(file));
  }
  copyFileSync(join(zodRoot, 'LICENSE'), join(ZOD_TYPES, 'LICENSE'));
  const entry = relative(zodRoot, zodEntry());
  for (const path of reached) {
    const text = readFileSync(path, 'utf8');
    const rewritten = text.replace(/(from |import\()(['"])zod\2/g, (_whole, lead, quote) => {
      let target = relative(dirname(path), join(ZOD_TYPES, entry.replace(/\.d\.cts$/, '.cjs')));
      if (!target.startsWith('.')) target = `./${target}`;
      return `${lead}${quote}${target}${quote}`;
    });
    if (rewritten !== text) writeFileSync(path, rewritten);
  }
}

// The declarations the API reaches only through another (a field's type of a
// type of a type) keep their shapes and lose their doc comments: those are
// notes on the implementation, read in the source, and were ~45 KB of the
// packed package (issue 46's 1.2 MB goal). The API's own keep theirs, for a
// library user's editor: dist/index.d.ts, the contract (dist/contract/) and
// each module dist/index.d.ts imports from.
const INDEX = join(dist, 'index.d.ts');
const direct = new Set([INDEX]);
for (const [, specifier] of readFileSync(INDEX, 'utf8').matchAll(/from '(\.[^']+)\.js'/g)) {
  direct.add(join(dist, `${specifier}.d.ts`));
}
for (const path of reached) {
  if (direct.has(path) || path.startsWith(`${join(dist, 'contract')}/`)) continue;
  writeFileSync(path, withoutComments(path));
}

/** A declaration file's text, printed again without its comments. */
function withoutComments(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  return ts.createPrinter({ removeComments: true }).printFile(source);
}

/** The file `import 'zod'` resolves to from dist/ (zod's `.d.cts` entry). */
function zodEntry() {
  const resolved = ts.resolveModuleName(
    'zod',
    join(dist, 'index.d.ts'),
    { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
    ts.sys,
  ).resolvedModule;
  if (resolved === undefined) throw new Error("zod's declarations are not installed");
  return resolve(resolved.resolvedFileName);
}

// What the API reaches now is dist/, TypeScript's own lib and the packages
// parity depends on at run time (fast-check and pure-rand, which `fuzz` imports
// from node_modules): a declaration that named any other package (a
// devDependency, such as zod now) would fail to resolve where parity is installed.
const { dependencies = {} } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
);
const installed = Object.keys(dependencies).map((name) => `/node_modules/${name}/`);
const check = ts.createProgram([join(dist, 'index.d.ts')], {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  noEmit: true,
  types: [],
});
const outside = check
  .getSourceFiles()
  .filter((file) => !check.isSourceFileDefaultLibrary(file))
  .map((file) => resolve(file.fileName))
  .filter((file) => !file.startsWith(`${dist}/`) && !installed.some((dir) => file.includes(dir)));
if (outside.length > 0) {
  throw new Error(
    `the API's declarations reach files of packages parity does not install: ${outside.slice(0, 5).join(', ')}`,
  );
}
