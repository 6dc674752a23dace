/**
 * The boundaries docs/ARCHITECTURE.md draws, checked on the source.
 *
 * 1. Layers: the table in docs/ARCHITECTURE.md ranks every folder of `src/`;
 *    a module imports only from its own folder and from folders ranked below
 *    it. The table is read from the doc, so the doc cannot drift from the code,
 *    and the README's layer diagram must list the same folders in the same order.
 * 2. Allowed imports: each folder's DEPS list (the table between the deps
 *    markers of the same doc) names the folders it may import; an import it
 *    does not allow fails, and so does a listed folder nothing imports.
 * 3. No import cycle between modules, inside a folder or across folders
 *    (type-only imports included).
 * 4. A pure core with the I/O at the edges: only the listed modules touch the
 *    file system, the network or the process.
 */
import { readdirSync, readFileSync } from 'node:fs';
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

/** The code without comments, so prose about `process.env` does not count. */
function code(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const files = sources(SRC).map((path) => ({ name: relative(SRC, path), text: code(path) }));
const importing = (pattern: RegExp) => files.filter((f) => pattern.test(f.text)).map((f) => f.name);

/** The first code span of each row of the table between the layer markers, in order. */
function layersIn(doc: string): string[] {
  const block = /<!-- layers:start -->([\s\S]*?)<!-- layers:end -->/.exec(doc)?.[1] ?? '';
  return block
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => (/`([^`]+)`/.exec(line)?.[1] ?? '').replace(/\/$/, ''));
}

const DOC = readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
const LAYERS = layersIn(DOC);

/** Each folder's DEPS list: the row's first code span, then the folders the second cell names. */
function depsIn(doc: string): Map<string, readonly string[]> {
  const block = /<!-- deps:start -->([\s\S]*?)<!-- deps:end -->/.exec(doc)?.[1] ?? '';
  const rows = block.split('\n').filter((line) => line.startsWith('| `'));
  return new Map(
    rows.map((line) => {
      const cells = line.split('|').map((cell) => cell.trim());
      const spans = (cell: string) =>
        [...cell.matchAll(/`([^`]+)`/g)].map((m) => (m[1] ?? '').replace(/\/$/, ''));
      return [spans(cells[1] ?? '')[0] ?? '', spans(cells[2] ?? '')];
    }),
  );
}

const DEPS = depsIn(DOC);

/** The layer a module belongs to: the longest layer that is its path or a folder holding it. */
function layerOf(file: string): string | undefined {
  return LAYERS.filter((layer) => file === layer || file.startsWith(`${layer}/`)).sort(
    (a, b) => b.length - a.length,
  )[0];
}

/** `from './x.js'` of `file` → the imported module's path under src/. */
function importsOf(file: { name: string; text: string }): string[] {
  return [...file.text.matchAll(/from '(\.[^']+)'|import\('(\.[^']+)'\)/g)].map((m) =>
    relative(SRC, resolve(dirname(join(SRC, file.name)), m[1] ?? m[2] ?? '')).replace(
      /\.js$/,
      '.ts',
    ),
  );
}

describe('layers', () => {
  it('docs/ARCHITECTURE.md ranks every folder of src/ once', () => {
    expect(LAYERS.length).toBeGreaterThan(10);
    expect(new Set(LAYERS).size).toBe(LAYERS.length);
    for (const file of files) expect(layerOf(file.name), file.name).toBeDefined();
  });

  it('every import points to the same folder or down the table', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = LAYERS.indexOf(layerOf(file.name) ?? '');
      for (const target of importsOf(file)) {
        const to = LAYERS.indexOf(layerOf(target) ?? '');
        if (to < from) upward.push(`${file.name} → ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it("the README's layer diagram lists the same folders in the same order", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const diagram = /<!-- layers:diagram -->\s*```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const named = [...diagram.matchAll(/([a-z][a-z-]*(?:\/[a-z-]+)*)(?:\/|\.ts)/g)].map(
      (m) => m[1],
    );
    expect(named).toEqual(LAYERS.map((layer) => layer.replace(/\.ts$/, '')));
  });
});

describe('allowed imports (DEPS lists)', () => {
  const used = new Map<string, Set<string>>();
  for (const file of files) {
    const from = layerOf(file.name) ?? '';
    for (const target of importsOf(file)) {
      const to = layerOf(target) ?? '';
      if (to === from) continue;
      const set = used.get(from) ?? new Set<string>();
      set.add(to);
      used.set(from, set);
    }
  }

  it('every folder of the layers table has a DEPS list, and only those', () => {
    expect([...DEPS.keys()].sort()).toEqual([...LAYERS].sort());
  });

  it("every import to another folder is on the importer's list", () => {
    const denied: string[] = [];
    for (const file of files) {
      const from = layerOf(file.name) ?? '';
      const allowed = DEPS.get(from) ?? [];
      for (const target of importsOf(file)) {
        const to = layerOf(target) ?? '';
        if (to !== from && !allowed.includes(to)) denied.push(`${file.name} → ${target}`);
      }
    }
    expect(denied).toEqual([]);
  });

  it('every listed folder is imported and ranked below its importer', () => {
    const stale: string[] = [];
    for (const [from, allowed] of DEPS) {
      for (const to of allowed) {
        if (!used.get(from)?.has(to)) stale.push(`${from} lists ${to}, which it does not import`);
        if (LAYERS.indexOf(to) <= LAYERS.indexOf(from))
          stale.push(`${from} lists ${to}, ranked above it`);
      }
    }
    expect(stale).toEqual([]);
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
      'engine/calibrate.ts',
      'engine/demo.ts',
      'engine/import.ts',
      'io/cases/discover.ts',
      'io/cases/load.ts',
      'io/cases/write-json-schema.ts',
      'cli/fd-output.ts',
      'io/config/load.ts',
      'io/config/project-env.ts',
      'io/config/write-json-schema.ts',
      'judge/fuzz/write.ts',
      'io/recording/write.ts',
      'reporters/report/locate.ts',
      'reporters/report/run-folder.ts',
      'judge/results/body-files.ts',
      'judge/results/stream.ts',
      'io/tracker/lock.ts',
      'io/tracker/write.ts',
      'util/block-file.ts',
      'util/fs.ts',
      'util/package-root.ts',
      'util/staged-files.ts',
      'util/write-target.ts',
    ]);
  });

  it('only the bin and the API edge touch process, and nothing prints with console', () => {
    // index.ts: the library's defaults (the process's folder and environment).
    expect(importing(/\bprocess\./)).toEqual(['bin.ts', 'index.ts']);
    expect(importing(/\bconsole\./)).toEqual([]);
  });

  it('the core (rules, normalise, compare, noise learning, tracker merge) does no I/O', () => {
    const core = files.filter((f) =>
      /^(rules|model|normalise|compare|wire|xml|redact)\/|^noise\/(learn|stats|mask|shuffle|skeleton)\.ts$|^tracker\/(parse|upsert|render|check)\.ts$|^results\/(build|group|regression|summary)\.ts$/.test(
        f.name,
      ),
    );
    expect(core.length).toBeGreaterThan(60);
    for (const file of core) {
      expect(file.text, file.name).not.toMatch(
        /from 'node:(fs|fs\/promises|net|http|https|child_process|dns|tls)'|from 'undici'|\bprocess\.|\bconsole\./,
      );
    }
  });
});
