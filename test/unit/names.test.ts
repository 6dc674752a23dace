/**
 * One name per concept: an exported name is defined in one module of `src/`
 * (docs/ARCHITECTURE.md, "Glossary"). Two meanings under one name fail, with
 * the modules that define it.
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

function definedIn(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const file of sources(SRC)) {
    for (const match of readFileSync(file, 'utf8').matchAll(EXPORTED)) {
      const name = match[1] ?? '';
      const files = out.get(name) ?? new Set<string>();
      files.add(relative(SRC, file));
      out.set(name, files);
    }
  }
  return out;
}

describe('exported names', () => {
  it('are defined once across src/', () => {
    const duplicated = [...definedIn()].filter(([, files]) => files.size > 1);
    const where = duplicated.map(([name, files]) => `${name}: ${[...files].sort().join(', ')}`);
    expect(duplicated.map(([name]) => name).sort(), where.join('\n')).toEqual([]);
  });
});
