/**
 * A name each side derives from a value the request sent and ends with a
 * tail it draws (tracker rule 50b, `core/normalise/drawn-tails.ts`), on real
 * servers: a serial file creates two records of one name, then lists them.
 * The second record's slug is made unique with a tail each side draws: no
 * row, in the create's answer and in the list. Kept apart: a tail on one
 * side only, another slug rule, and a counter keep their rows. Two shapes
 * with other names: projects whose `slug` ends `-k` (letters), and teams
 * whose `handle` ends `_x7` (letters and digits), created by a query (a `POST` answered `200`: a `PUT`'s answer is a write's, where id-like values were set aside before this rule).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Shape {
  readonly name: string;
  readonly member: string;
  readonly sep: string;
  /** The name both records are created with. */
  readonly title: string;
  /** Each side's drawn tail, baseline then candidate. */
  readonly tails: readonly [string, string];
  /** The case file's create step. */
  readonly create: (id: string) => string;
  readonly list: string;
  /** The name a request sent, if it creates. */
  readonly created: (method: string, url: URL, body: string) => string | undefined;
  readonly lists: (method: string, url: URL) => boolean;
}

const SHAPES: readonly Shape[] = [
  {
    name: 'projects',
    member: 'slug',
    sep: '-',
    title: 'Corner Bakery',
    tails: ['k', 'a'],
    create: (id) =>
      `  - id: ${id}\n    request: { method: POST, path: /api/projects, json: { name: Corner Bakery, branch: main } }`,
    list: '  - id: list\n    request: { method: GET, path: /api/projects }',
    created: (method, url, body) =>
      method === 'POST' && url.pathname === '/api/projects'
        ? String((JSON.parse(body) as { name: string }).name)
        : undefined,
    lists: (method, url) => method === 'GET' && url.pathname === '/api/projects',
  },
  {
    name: 'teams',
    member: 'handle',
    sep: '_',
    title: 'Night Owls',
    tails: ['x7', 'q3'],
    create: (id) =>
      `  - id: ${id}\n    request: { method: POST, path: /teams/new, query: { title: Night Owls } }`,
    list: '  - id: list\n    request: { method: GET, path: /teams }',
    created: (method, url) =>
      method === 'POST' && url.pathname === '/teams/new'
        ? (url.searchParams.get('title') ?? undefined)
        : undefined,
    lists: (method, url) => method === 'GET' && url.pathname === '/teams',
  },
];

/** How the candidate names the second record: as the baseline (its own tail), or a kept-apart rule. */
type Naming = 'drawn' | 'no-tail' | 'other-slug' | 'counter' | 'digit';

function slugOf(shape: Shape, title: string, naming: Naming): string {
  const joiner = naming === 'other-slug' ? '' : shape.sep;
  return title.toLowerCase().split(/\s+/).join(joiner);
}

function server(shape: Shape, side: 0 | 1, naming: Naming): Promise<TestServer> {
  const records: Record<string, unknown>[] = [];
  return startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const title = shape.created(req.method ?? 'GET', url, body);
    if (title !== undefined) {
      const base = slugOf(shape, title, side === 1 ? naming : 'drawn');
      const taken = records.some((r) => r[shape.member] === base);
      let name = base;
      if (taken && !(side === 1 && naming === 'no-tail')) {
        const tail =
          side === 1 && naming === 'counter'
            ? '3'
            : naming === 'counter'
              ? '2'
              : side === 1 && naming === 'digit'
                ? '5'.repeat(shape.tails[1].length)
                : shape.tails[side];
        name = `${base}${shape.sep}${tail}`;
      }
      const record = { id: randomUUID(), title, [shape.member]: name };
      records.push(record);
      return json(res, 200, record);
    }
    if (shape.lists(req.method ?? 'GET', url)) return json(res, 200, records);
    return json(res, 404, { error: 'missing' });
  });
}

function cases(shape: Shape): string {
  return [
    `suite: ${shape.name}`,
    'serial: true',
    'sideEffects: true',
    'cases:',
    shape.create('create'),
    shape.create('create-again'),
    shape.list,
    '',
  ].join('\n');
}

describe('a name made unique with a tail each side draws (rule 50b)', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));
  const run = async (shape: Shape, naming: Naming) => {
    const a = await server(shape, 0, naming);
    const b = await server(shape, 1, naming);
    started.push(a, b);
    const cwd = await tempProject({ 'cases/names.yaml': cases(shape) });
    const out = await runPair(cwd, `a=${a.url}`, `b=${b.url}`);
    return { out, report: await latestReport(cwd) };
  };
  const result = (report: RunReport, id: string) => {
    const found = report.results.find((r) => r.caseId.endsWith(`/${id}`));
    if (found === undefined) throw new Error(`no result ${id}`);
    return found;
  };

  it.each(SHAPES)(
    '$name: the drawn tail is no row, where written and where listed',
    async (shape) => {
      const { out, report } = await run(shape, 'drawn');
      expect(out.code, out.stdout).toBe(0);
      const again = result(report, 'create-again');
      expect(again.verdict).toBe('equal');
      expect(again.generated?.[0]).toMatch(
        new RegExp(
          `^/${shape.member} \\(a slug of a value the request sent with a tail each side drew`,
        ),
      );
      expect(result(report, 'list').verdict).toBe('equal');
    },
  );

  it.each(SHAPES)(
    '$name: kept apart, a tail on one side only, another slug rule, a counter',
    async (shape) => {
      for (const naming of ['no-tail', 'other-slug', 'counter'] as const) {
        // A counter stays divergent, awaiting evidence (id-like values of one form: `unsettled`).
        const { report } = await run(shape, naming);
        const again = result(report, 'create-again');
        expect(again.verdict, naming).toBe('divergent');
        expect(
          again.changes?.map((c) => c.path),
          naming,
        ).toContain(`/${shape.member}`);
        expect(
          (again.generated ?? []).filter((g) => g.includes('a slug of')),
          naming,
        ).toEqual([]);
      }
    },
  );

  it.each(SHAPES)(
    '$name: a digit tail against a letter one awaits evidence where written, and is followed where listed',
    async (shape) => {
      const { report } = await run(shape, 'digit');
      const again = result(report, 'create-again');
      expect(again.verdict).toBe('divergent');
      expect(again.unsettled).toContain(`/${shape.member}`);
      expect(result(report, 'list').verdict).toBe('equal');
    },
  );
});
