/**
 * One name per concept: an exported name is defined in one module of `src/`
 * (docs/ARCHITECTURE.md, "Glossary"). Two meanings under one name fail, with
 * the modules that define it; so does one name exported again by a second
 * module (`export { x } from './y.js'`): a module imports a name from where it
 * is defined. `src/index.ts`, the library's API, is the one module that gathers
 * names from others, by design.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

const EXPORTED =
  /^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm;

/** `export { a, type B, c as d } from './x.js'` (and `export type { … } from`): the names it exports. */
const REEXPORTED = /^export\s+(?:type\s+)?\{([^}]*)\}\s*from\s*'[^']+'/gm;

function reexportedBy(text: string): string[] {
  return [...text.matchAll(REEXPORTED)].flatMap((m) =>
    (m[1] ?? '')
      .split(',')
      .map((part) => part.trim().replace(/^type\s+/, ''))
      .filter((part) => part !== '')
      .map((part) => part.split(/\s+as\s+/).pop() ?? part),
  );
}

function definedIn(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (name: string, file: string) => {
    const files = out.get(name) ?? new Set<string>();
    files.add(relative(SRC, file));
    out.set(name, files);
  };
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(EXPORTED)) add(match[1] ?? '', file);
    if (relative(SRC, file) !== 'index.ts') for (const name of reexportedBy(text)) add(name, file);
  }
  return out;
}

describe('exported names', () => {
  it('are defined once across src/', () => {
    const duplicated = [...definedIn()].filter(([, files]) => files.size > 1);
    const where = duplicated.map(([name, files]) => `${name}: ${[...files].sort().join(', ')}`);
    expect(duplicated.map(([name]) => name).sort(), where.join('\n')).toEqual([]);
  });

  it('a re-export counts as a second module exporting the name', () => {
    expect(
      reexportedBy("export { a, type B, c as d } from './x.js';\nexport type { E } from './y.js';"),
    ).toEqual(['a', 'B', 'd', 'E']);
    expect(reexportedBy("export const a = 1;\nexport * as z from './z.js';")).toEqual([]);
  });

  it('no module but the API edge re-exports a name', () => {
    const reexporting = sources(SRC)
      .filter((file) => relative(SRC, file) !== 'index.ts')
      .filter((file) => reexportedBy(readFileSync(file, 'utf8')).length > 0)
      .map((file) => relative(SRC, file));
    expect(reexporting).toEqual([]);
  });
});
