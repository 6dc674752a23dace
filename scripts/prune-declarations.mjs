// Keeps in dist/ the declarations the package's types reach (dist/index.d.ts
// and what it imports, transitively), and removes the rest: tsc declares every
// module, but the package exports its API alone (package.json `exports`), so a
// declaration nothing public reaches can never be read; it only made the
// package bigger (~60% of the declarations' bytes).
// Usage: node scripts/prune-declarations.mjs [DIST]   (default dist)
import { readdirSync, rmdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
