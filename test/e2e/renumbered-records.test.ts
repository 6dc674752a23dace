/**
 * The same records numbered in another order on each side, on real servers
 * (`core/normalise/renumbered-records.ts`): each server writes a few records
 * of its own at start, numbered from one counter, then two records side by
 * side whose numbers come out in either order. Listed by number, the two
 * sides hold the same records under the same numbers, each number on the
 * other record: no row, the numbers listed as `generated`. Kept apart: a
 * record that really changed (alone, or beside the swap), and one value two
 * records swap, keep their rows, and so do numbers the sequence's own
 * writes named (`PUT /audit-trail/2`) that the candidate stored on other
 * records. Two shapes with other names: an event log
 * `{events: [{id, …}]}` listed newest first, and a bare audit trail
 * `[{seq, …}]` listed oldest first.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Shape {
  readonly path: string;
  readonly key: string;
  readonly wrap?: string;
  readonly newestFirst: boolean;
  /** The records written first, in one order on both sides. */
  readonly first: readonly Record<string, unknown>[];
  /** Two records written side by side: their order is each side's. */
  readonly racing: readonly [Record<string, unknown>, Record<string, unknown>];
}

const SHAPES: readonly Shape[] = [
  {
    path: '/api/log',
    key: 'id',
    wrap: 'events',
    newestFirst: true,
    first: [
      { type: 'schema-migrated', by: 'migration', data: { step: 'init' }, scope: null },
      { type: 'role-created', by: 'migration', data: { role: 'viewer' }, scope: null },
    ],
    racing: [
      {
        type: 'key-created',
        by: 'system',
        data: { name: 'boot', kind: 'admin', scope: '*' },
        scope: '*',
      },
      {
        type: 'key-created',
        by: 'system',
        data: { name: 'boot', kind: 'reader', scope: 'main' },
        scope: 'main',
      },
    ],
  },
  {
    path: '/audit-trail',
    key: 'seq',
    newestFirst: false,
    first: [{ actor: 'installer', action: 'install', target: 'core', zone: 'global' }],
    racing: [
      { actor: 'bootstrap', action: 'grant', target: 'ops-team', zone: 'eu-west' },
      { actor: 'bootstrap', action: 'grant', target: 'dev-team', zone: 'us-east' },
    ],
  },
];

type Variant = 'as-baseline' | 'swapped' | 'changed' | 'swapped-and-changed' | 'one-value-swapped';

/** The records a side writes at start, in its own order, each numbered from one counter. */
function written(shape: Shape, variant: Variant, candidate: boolean) {
  const [x, y] = shape.racing;
  let racing: Record<string, unknown>[] = [x, y];
  if (candidate && (variant === 'swapped' || variant === 'swapped-and-changed')) racing = [y, x];
  if (candidate && (variant === 'changed' || variant === 'swapped-and-changed')) {
    const member = shape.wrap === undefined ? 'actor' : 'by';
    racing = racing.map((r) => (r === x ? { ...r, [member]: 'operator' } : r));
  }
  if (candidate && variant === 'one-value-swapped') {
    // Only one member moves between the two records: a value, not a record.
    const member = shape.wrap === undefined ? 'zone' : 'scope';
    racing = [
      { ...x, [member]: y[member] },
      { ...y, [member]: x[member] },
    ];
  }
  const stamp = new Date().toISOString();
  return [...shape.first, ...racing].map((r, i) => ({ [shape.key]: i + 1, ...r, at: stamp }));
}

function server(shape: Shape, variant: Variant, candidate: boolean): Promise<TestServer> {
  const records = written(shape, variant, candidate);
  return startServer((req, res) => {
    if (req.method === 'GET' && req.url === shape.path) {
      const list = shape.newestFirst ? [...records].reverse() : records;
      return json(res, 200, shape.wrap === undefined ? list : { version: 1, [shape.wrap]: list });
    }
    return json(res, 404, { error: 'missing' });
  });
}

function cases(shape: Shape): string {
  return `suite: log\ncases:\n  - id: list\n    request: { method: GET, path: ${shape.path} }\n`;
}

function list(report: RunReport) {
  const found = report.results.find((r) => r.caseId === 'log/list');
  if (found === undefined) throw new Error('no list result');
  return found;
}

describe('the same records numbered in another order on each side', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));
  const run = async (shape: Shape, variant: Variant) => {
    const baseline = await server(shape, variant, false);
    const candidate = await server(shape, variant, true);
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/log.yaml': cases(shape) });
    const out = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
    return { out, report: await latestReport(cwd) };
  };
  const at = (shape: Shape) => (shape.wrap === undefined ? '' : `/${shape.wrap}`);

  it.each(SHAPES)('$path: the two records numbered the other way round, no row', async (shape) => {
    const { out, report } = await run(shape, 'swapped');
    expect(out.code, out.stdout).toBe(0);
    const result = list(report);
    expect(result.verdict).toBe('equal');
    // The two racing records are the last two written: where each side lists them.
    const places = shape.newestFirst ? [0, 1] : [shape.first.length, shape.first.length + 1];
    for (const i of places) {
      expect(result.generated).toContain(
        `${at(shape)}/${i}/${shape.key} (the same records numbered in another order on each side: 2 records alike but for their /*/${shape.key} hold the same numbers, each on another record)`,
      );
    }
    expect(report.summary.rootCauses?.open ?? 0).toBe(0);
  });

  it.each(SHAPES)('$path: both sides number alike, no row and nothing listed', async (shape) => {
    const { out, report } = await run(shape, 'as-baseline');
    expect(out.code, out.stdout).toBe(0);
    expect(list(report).generated).toBeUndefined();
  });

  it.each(SHAPES)('$path: a record that really changed keeps its row', async (shape) => {
    const { out, report } = await run(shape, 'changed');
    expect(out.code, out.stdout).toBe(1);
    const result = list(report);
    expect(result.verdict).toBe('divergent');
    expect(result.generated ?? []).toEqual([]);
    const member = shape.wrap === undefined ? 'actor' : 'by';
    expect(result.changes?.map((c) => c.path)).toEqual([
      `${at(shape)}/${shape.newestFirst ? 1 : shape.first.length}/${member}`,
    ]);
  });

  it.each(SHAPES)('$path: a changed record beside the swap keeps the rows', async (shape) => {
    const { out, report } = await run(shape, 'swapped-and-changed');
    expect(out.code, out.stdout).toBe(1);
    const result = list(report);
    expect(result.verdict).toBe('divergent');
    expect(result.generated ?? []).toEqual([]);
    expect(report.summary.rootCauses?.open ?? 0).toBeGreaterThan(0);
  });

  it.each(SHAPES)('$path: one value two records swap is data, its row kept', async (shape) => {
    const { out, report } = await run(shape, 'one-value-swapped');
    expect(out.code, out.stdout).toBe(1);
    const result = list(report);
    expect(result.verdict).toBe('divergent');
    expect(result.generated ?? []).toEqual([]);
    const member = shape.wrap === undefined ? 'zone' : 'scope';
    expect(result.changes?.map((c) => c.path).sort()).toEqual(
      [0, 1]
        .map((k) => `${at(shape)}/${(shape.newestFirst ? 0 : shape.first.length) + k}/${member}`)
        .sort(),
    );
  });
});

describe("numbers an earlier write of the sequence named are no side's own", () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));
  /** Stores each `PUT PATH/N` under N, or (`swapped`) under the other number of two. */
  const store = (shape: Shape, swapped: boolean) => {
    const records = new Map<number, Record<string, unknown>>();
    return startServer((req, res, body) => {
      const url = req.url ?? '/';
      if (req.method === 'PUT' && url.startsWith(`${shape.path}/`)) {
        const sent = Number(url.slice(shape.path.length + 1));
        const number = swapped ? 3 - sent : sent;
        const record = { [shape.key]: number, ...(JSON.parse(body) as Record<string, unknown>) };
        records.set(number, record);
        return json(res, 200, { stored: true });
      }
      if (req.method === 'GET' && url === shape.path) {
        const list = [...records.values()].sort(
          (x, y) => Number(x[shape.key]) - Number(y[shape.key]),
        );
        return json(res, 200, shape.wrap === undefined ? list : { [shape.wrap]: list });
      }
      return json(res, 404, { error: 'missing' });
    });
  };
  it.each(SHAPES)(
    '$path: records written under the numbers the requests named keep their rows',
    async (shape) => {
      const baseline = await store(shape, false);
      const candidate = await store(shape, true);
      started.push(baseline, candidate);
      const [x, y] = shape.racing.map((r) => JSON.stringify(r));
      const file = [
        'suite: log',
        'serial: true',
        'sideEffects: true',
        'cases:',
        `  - id: put-1\n    request: { method: PUT, path: ${shape.path}/1, json: ${x} }`,
        `  - id: put-2\n    request: { method: PUT, path: ${shape.path}/2, json: ${y} }`,
        `  - id: list\n    request: { method: GET, path: ${shape.path} }`,
        '',
      ].join('\n');
      const cwd = await tempProject({ 'cases/log.yaml': file });
      const out = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
      expect(out.code, out.stdout).toBe(1);
      const result = list(await latestReport(cwd));
      expect(result.verdict).toBe('divergent');
      expect(result.generated ?? []).toEqual([]);
    },
  );
});
