/**
 * The boundaries DESIGN.md and STYLE.md draw, checked on the source: a pure
 * core with the I/O at the edges. A new file that needs the file system or the
 * network belongs at an edge; add it to the list below only when it is one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The code without comments, so prose about `process.env` does not count. */
function code(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const files = sources(SRC).map((path) => ({ name: relative(SRC, path), text: code(path) }));
const importing = (pattern: RegExp) => files.filter((f) => pattern.test(f.text)).map((f) => f.name);

describe('architecture', () => {
  it('only the HTTP client imports undici', () => {
    expect(importing(/from 'undici/)).toEqual(['execute/client.ts']);
  });

  it('only the loaders, readers and writers at the edges touch the file system', () => {
    expect(importing(/from 'node:fs(\/promises)?'/).sort()).toEqual([
      'cases/discover.ts',
      'cases/load.ts',
      'cases/write-json-schema.ts',
      'cli/commands/calibrate.ts',
      'config/load.ts',
      'regression/previous.ts',
      'report/read.ts',
      'report/results-stream.ts',
      'tracker/write.ts',
      'util/fs.ts',
    ]);
  });

  it('only the bin touches process, and nothing prints with console', () => {
    expect(importing(/\bprocess\./)).toEqual(['bin.ts']);
    expect(importing(/\bconsole\./)).toEqual([]);
  });

  it('the core (normalise, compare, equivalence, noise learning, tracker merge) does no I/O', () => {
    const core = files.filter((f) =>
      /^(normalise|compare|equivalence|wire|xml)\/|^noise\/(learn|stats|mask|map-like|skeleton|shuffle)\.ts$|^tracker\/(parse|merge|render)\.ts$/.test(
        f.name,
      ),
    );
    expect(core.length).toBeGreaterThan(30);
    for (const file of core) {
      expect(file.text, file.name).not.toMatch(/from 'node:(fs|net|http|https|child_process|dns)/);
    }
  });
});
