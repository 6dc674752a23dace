/**
 * The boundaries docs/ARCHITECTURE.md draws, checked on the source.
 *
 * 1. Layers: the layer list in docs/ARCHITECTURE.md names at most 8 floors,
 *    each a folder of `src/` with its purpose in one line; `src/cli/bin.ts` and
 *    `src/index.ts` belong to the top floor. The README's drawing lists the
 *    same floors in the same order.
 * 2. Allowed imports (Playwright's DEPS.list): each floor, each folder inside a
 *    floor, and any deeper folder that wants one has a `DEPS.list` beside its
 *    code. Its first line is its purpose; its entries (paths from `src/`) are
 *    what its modules may import outside it: a floor's list names floors
 *    below it, a folder's names the folders (or modules) it may use, beside it
 *    or on floors below. An import that leaves a folder for a place its list
 *    does not name fails (every list on the way out is checked), and so does
 *    an entry nothing imports any more (the list is the truth, not a ceiling).
 * 3. No import cycle between modules, inside a folder or across folders
 *    (type-only imports included).
 * 4. A pure core with the I/O at the edges: only the listed modules touch the
 *    file system, the network or the process.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function foldersUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return [relative(SRC, path), ...foldersUnder(path)];
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

/** `from './x.js'` of `file` → the imported module's path under src/. */
function importsOf(file: { name: string; text: string }): string[] {
  return [...file.text.matchAll(/from '(\.[^']+)'|import\('(\.[^']+)'\)/g)].map((m) =>
    relative(SRC, resolve(dirname(join(SRC, file.name)), m[1] ?? m[2] ?? '')).replace(
      /\.js$/,
      '.ts',
    ),
  );
}

const DOC = readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');

/** The floors between the layer markers, top first: `N. \`name/\` — purpose`. */
const LAYER_BLOCK = /<!-- layers:start -->([\s\S]*?)<!-- layers:end -->/;
const FLOORS = (LAYER_BLOCK.exec(DOC)?.[1] ?? '')
  .split('\n')
  .map((line) => /^\d+\. `([a-z-]+)\/`[^—]*— (.+)$/.exec(line))
  .filter((m) => m !== null)
  .map((m) => ({ name: m[1] ?? '', purpose: m[2] ?? '' }));
/** Bottom first: a floor may import the floors before it in this list. */
const RANK = FLOORS.map((floor) => floor.name).reverse();
const TOP = RANK[RANK.length - 1] ?? '';

interface DepsList {
  readonly folder: string;
  readonly purpose: string;
  readonly entries: readonly string[];
}

function depsListOf(folder: string): DepsList | undefined {
  const path = join(SRC, folder, 'DEPS.list');
  if (!existsSync(path)) return undefined;
  const lines = readFileSync(path, 'utf8').split('\n');
  return {
    folder,
    purpose: (lines[0] ?? '').replace(/^#\s*/, ''),
    entries: lines
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
  };
}

const LISTS = new Map(
  foldersUnder(SRC)
    .map(depsListOf)
    .filter((list) => list !== undefined)
    .map((list) => [list.folder, list]),
);

/** The floor a module belongs to: its first folder (the files at src/'s root: the top floor). */
const floorOf = (file: string) => (file.includes('/') ? (file.split('/')[0] ?? '') : TOP);
const inside = (path: string, folder: string) => path.startsWith(`${folder}/`);
const parentOf = (folder: string) => (folder.includes('/') ? dirname(folder) : '');
/** Whether `entry` (a folder ending in `/`, or a module) names `target`. */
const names = (entry: string, target: string) =>
  entry.endsWith('/') ? target.startsWith(entry) : target === entry;

/**
 * The lists an import from `file` to `target` must pass: the list of every
 * folder that holds `file` and not `target` (as Playwright's DEPS.list: each
 * list on the way out is checked). A module at src/'s root is checked as one
 * of the top floor's.
 */
function listsCrossed(file: string, target: string): DepsList[] {
  const home = file.includes('/') ? dirname(file) : TOP;
  const out: DepsList[] = [];
  for (let folder = home; folder !== '' && folder !== '.'; folder = parentOf(folder)) {
    const list = LISTS.get(folder);
    if (list !== undefined && !inside(target, folder)) out.push(list);
  }
  return out;
}

describe('layers', () => {
  it('docs/ARCHITECTURE.md lists at most 8 floors, each a folder of src/, every folder once', () => {
    expect(FLOORS.length).toBeGreaterThan(3);
    expect(FLOORS.length).toBeLessThanOrEqual(8);
    const tops = readdirSync(SRC, { withFileTypes: true });
    expect(RANK.slice().sort()).toEqual(
      tops
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort(),
    );
    // the module at src/'s root is the API's edge (the bin's is cli/bin.ts)
    expect(tops.filter((entry) => entry.isFile()).map((entry) => entry.name)).toEqual(['index.ts']);
  });

  it("each floor's DEPS.list opens with the purpose the doc gives it, and names only floors below", () => {
    for (const floor of FLOORS) {
      const list = LISTS.get(floor.name);
      expect(list, `src/${floor.name}/DEPS.list`).toBeDefined();
      expect(list?.purpose, floor.name).toBe(floor.purpose);
      for (const entry of list?.entries ?? []) {
        expect(RANK.indexOf(floorOf(entry)), `${floor.name} lists ${entry}`).toBeLessThan(
          RANK.indexOf(floor.name),
        );
      }
    }
  });

  it('each folder inside a floor has a DEPS.list naming only places that exist, on its floor or below', () => {
    for (const folder of foldersUnder(SRC).filter((f) => f.split('/').length === 2)) {
      expect(LISTS.has(folder), `src/${folder}/DEPS.list`).toBe(true);
    }
    for (const list of LISTS.values()) {
      expect(list.purpose, `src/${list.folder}/DEPS.list's first line`).toMatch(/^\S.{9,}/);
      for (const entry of list.entries) {
        const where = `src/${list.folder}/DEPS.list: ${entry}`;
        expect(RANK.indexOf(floorOf(entry)), where).toBeLessThanOrEqual(
          RANK.indexOf(floorOf(list.folder)),
        );
        expect(inside(entry, list.folder) || entry === `${list.folder}/`, where).toBe(false);
        expect(existsSync(join(SRC, entry)), where).toBe(true);
        if (entry.endsWith('/')) expect(statSync(join(SRC, entry)).isDirectory(), where).toBe(true);
      }
    }
  });

  it("the README's layer drawing lists the same floors in the same order", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const diagram = /<!-- layers:diagram -->\s*```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const named = [...diagram.matchAll(/^\s*([a-z][a-z-]*)\/ /gm)].map((m) => m[1]);
    expect(named).toEqual(FLOORS.map((floor) => floor.name));
  });
});

describe('allowed imports (DEPS.list)', () => {
  it('every import that leaves a folder goes where its DEPS.list allows', () => {
    const denied: string[] = [];
    for (const file of files) {
      for (const target of importsOf(file)) {
        for (const list of listsCrossed(file.name, target)) {
          if (!list.entries.some((entry) => names(entry, target))) {
            denied.push(`${file.name} → ${target} (src/${list.folder}/DEPS.list)`);
          }
        }
      }
    }
    expect(denied).toEqual([]);
  });

  it('every entry of a DEPS.list is imported', () => {
    const used = new Set<string>();
    for (const file of files) {
      for (const target of importsOf(file)) {
        for (const list of listsCrossed(file.name, target)) {
          for (const entry of list.entries)
            if (names(entry, target)) used.add(`${list.folder} ${entry}`);
        }
      }
    }
    const stale = [...LISTS.values()].flatMap((list) =>
      list.entries
        .filter((entry) => !used.has(`${list.folder} ${entry}`))
        .map((entry) => `src/${list.folder}/DEPS.list lists ${entry}, which nothing there imports`),
    );
    expect(stale).toEqual([]);
  });

  it("the design's boundaries hold: records import only the toolbox, the result builder no HTTP side, the config no client", () => {
    const crossing = (from: RegExp, to: RegExp) =>
      files.flatMap((file) =>
        from.test(file.name)
          ? importsOf(file)
              .filter((target) => to.test(target))
              .map((target) => `${file.name} → ${target}`)
          : [],
      );
    expect(crossing(/^contract\//, /^(?!contract\/|util\/)/)).toEqual([]);
    expect(crossing(/^judge\/results\//, /^io\/(http|tracker\/(write|lock))\//)).toEqual([]);
    expect(crossing(/^io\/config\//, /^io\/http\//)).toEqual([]);
    expect(crossing(/^io\/http\//, /^io\/cases\//)).toEqual([]);
  });
});

describe('import cycles', () => {
  it('no module imports itself back, inside a folder or across folders', () => {
    const graph = new Map(files.map((f) => [f.name, importsOf(f)]));
    expect(cyclesOf(graph)).toEqual([]);
  });
});

/**
 * The strongly connected components of more than one module (Tarjan's
 * algorithm, iterative), each as its sorted module names joined by ` ↔ `.
 */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[] = [];
  let next = 0;
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; edge: number }[] = [{ node: root, edge: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame === undefined) break;
      const edges = (graph.get(frame.node) ?? []).filter((to) => graph.has(to));
      const to = edges[frame.edge++];
      if (to !== undefined) {
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(to) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) {
        low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      }
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      for (;;) {
        const member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
        if (member === frame.node) break;
      }
      if (component.length > 1) out.push(component.sort().join(' ↔ '));
    }
  }
  return out.sort();
}

describe('I/O at the edges', () => {
  it('only the HTTP client imports undici', () => {
    expect(importing(/from 'undici/)).toEqual(['io/http/client.ts']);
  });

  it('only the loaders, readers and writers at the edges touch the file system', () => {
    expect(importing(/from 'node:fs(\/promises)?'/).sort()).toEqual([
      'cli/fd-output.ts',
      'engine/calibrate.ts',
      'engine/demo.ts',
      'engine/import.ts',
      'io/cases/discover.ts',
      'io/cases/load.ts',
      'io/cases/write-json-schema.ts',
      'io/config/load.ts',
      'io/config/project-env.ts',
      'io/config/write-json-schema.ts',
      'io/recording/write.ts',
      // The process's threads, read from /proc to lower them (shadow mode's sink).
      'io/shadow/process-threads.ts',
      'io/tracker/lock.ts',
      'io/tracker/write.ts',
      'judge/fuzz/write.ts',
      'judge/results/body-files.ts',
      'judge/results/stream.ts',
      'reporters/report/locate.ts',
      'reporters/report/run-folder.ts',
      'util/block-file.ts',
      'util/fs.ts',
      'util/package-root.ts',
      'util/staged-files.ts',
      'util/write-target.ts',
    ]);
  });

  it('only the bin and the API edge touch process, and nothing prints with console', () => {
    // index.ts: the library's defaults (the process's folder and environment);
    // util/is-alive.ts: the host's isAlive, the bin's and the shadow worker thread's.
    expect(importing(/\bprocess\./)).toEqual(['cli/bin.ts', 'index.ts', 'util/is-alive.ts']);
    expect(importing(/\bconsole\./)).toEqual([]);
  });

  it('the records and the core (and noise learning, tracker merge, the result builder) do no I/O', () => {
    const core = files.filter((f) =>
      /^(contract|core)\/|^judge\/noise\/(learn|stats|mask|shuffle|skeleton)\.ts$|^io\/tracker\/(parse|upsert|render|check)\.ts$|^judge\/results\/(build|group|regression|summary)\.ts$/.test(
        f.name,
      ),
    );
    expect(core.length).toBeGreaterThan(120);
    for (const file of core) {
      expect(file.text, file.name).not.toMatch(
        /from 'node:(fs|fs\/promises|net|http|https|child_process|dns|tls)'|from 'undici'|\bprocess\.|\bconsole\./,
      );
    }
  });
});
