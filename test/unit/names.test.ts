/**
 * One name per concept: an exported name is defined in one module of `src/`.
 * The names below are the duplicates this check found when it was written
 * (two meanings under one name); the list may only shrink: a new duplicate
 * fails, and so does a listed name once it is no longer duplicated (take it
 * off the list).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

/** Duplicates still to resolve (see docs/ARCHITECTURE.md, "Glossary" for the intended names). */
const KNOWN: readonly string[] = [
  // app/tracker-update.ts and tracker/write.ts: both are the lead's to rename (issue 22).
  'TrackerUpdate',
];

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
  it('are defined once across src/, but for the listed duplicates, which only shrink', () => {
    const duplicated = [...definedIn()].filter(([, files]) => files.size > 1);
    const where = duplicated.map(([name, files]) => `${name}: ${[...files].sort().join(', ')}`);
    expect(duplicated.map(([name]) => name).sort(), where.join('\n')).toEqual([...KNOWN].sort());
  });
});
