/**
 * Lists each side draws from a pool its sequence sent (tracker rule 50,
 * `core/normalise/drawn-picks.ts`), on real servers: a serial file joins
 * three members, then asks for one of them and for all of them; each side
 * picks and orders them its own way. Drawn (a pick that is neither the
 * first nor the last joined, a side that lists them in two orders for one
 * read): no row, the list listed as `generated`. Kept apart: a member
 * nobody joined, one member fewer, and a list sorted by name against the
 * order joined keep their rows. Two shapes with other names: a lobby whose
 * players join by a JSON body and are listed as `name#lobby` strings, and a
 * relay whose nodes register by query and are listed as `{node, hops}`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Shape {
  readonly name: string;
  /** The three members joined, in the order sent (not sorted). */
  readonly members: readonly [string, string, string];
  /** A member nobody joined. */
  readonly stranger: string;
  /** The case file's join step for one member. */
  join(member: string, i: number): string;
  /** The read of `count` members (undefined: all). */
  read(count?: number): string;
  /** Whether a request joins, and the member it names. */
  joined(method: string, url: URL, body: string): string | undefined;
  /** Whether a request reads, and how many it wants. */
  reads(method: string, url: URL): { count?: number } | undefined;
  /** A listed member as the shape writes it. */
  element(member: string): unknown;
}

const SHAPES: readonly Shape[] = [
  {
    name: 'lobby',
    members: ['osprey', 'falcon', 'heron'],
    stranger: 'kestrel',
    join: (m, i) =>
      `  - id: join-${i}\n    request: { method: POST, path: /lobby/join, json: { player: ${m}, table: 4 } }`,
    read: (count) =>
      `  - id: read${count === undefined ? '-all' : `-${count}`}\n    request: { method: GET, path: /lobby/players${count === undefined ? '' : `, query: { count: '${count}' }`} }`,
    joined: (method, url, body) =>
      method === 'POST' && url.pathname === '/lobby/join'
        ? String((JSON.parse(body) as { player: string }).player)
        : undefined,
    reads: (method, url) => {
      if (method !== 'GET' || url.pathname !== '/lobby/players') return undefined;
      const count = url.searchParams.get('count');
      return count === null ? {} : { count: Number(count) };
    },
    element: (m) => `${m}#lobby`,
  },
  {
    name: 'relay',
    members: ['quarry', 'beacon', 'lantern'],
    stranger: 'harbor',
    join: (m, i) =>
      `  - id: register-${i}\n    request: { method: GET, path: /relay/hello, query: { node: ${m}, hops: '1' } }`,
    read: (count) =>
      `  - id: peers${count === undefined ? '-all' : `-${count}`}\n    request: { method: GET, path: /relay/peers${count === undefined ? '' : `, query: { want: '${count}' }`} }`,
    joined: (method, url) =>
      method === 'GET' && url.pathname === '/relay/hello'
        ? (url.searchParams.get('node') ?? undefined)
        : undefined,
    reads: (method, url) => {
      if (method !== 'GET' || url.pathname !== '/relay/peers') return undefined;
      const want = url.searchParams.get('want');
      return want === null ? {} : { count: Number(want) };
    },
    element: (m) => ({ node: m, hops: 1 }),
  },
];

/**
 * How a side picks: `sent` lists in the order joined and picks the first;
 * `drawn` picks the middle one and lists them in another order on each call; the rest are the
 * kept-apart candidates.
 */
type Picking = 'sent' | 'drawn' | 'flipping' | 'stranger' | 'one-fewer' | 'sorted';

function choose(
  shape: Shape,
  members: readonly string[],
  picking: Picking,
  count?: number,
  call = 0,
): string[] {
  const [x, y, z] = members as [string, string, string];
  let all: string[];
  switch (picking) {
    case 'sent':
    case 'one-fewer':
      all = [x, y, z];
      break;
    case 'drawn':
      // Another order on each call (its second look shows it), neither as the baseline's.
      all = call % 2 === 0 ? [y, x, z] : [z, x, y];
      break;
    case 'stranger':
      all = [x, y, shape.stranger];
      break;
    case 'sorted':
      all = [x, y, z].sort();
      break;
    case 'flipping':
      // Reversed, then sorted by name: each order explained alone, the two together drawn.
      all = call % 2 === 0 ? [z, y, x] : [x, y, z].sort();
      break;
    default: {
      const never: never = picking;
      throw new Error(`unknown picking ${String(never)}`);
    }
  }
  if (count !== undefined) return picking === 'drawn' ? [y] : [x, y, z].slice(0, count);
  return picking === 'one-fewer' ? all.slice(0, 2) : all;
}

function server(shape: Shape, picking: Picking): Promise<TestServer> {
  const members: string[] = [];
  let reads = 0;
  return startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const member = shape.joined(req.method ?? 'GET', url, body);
    if (member !== undefined) {
      members.push(member);
      return json(res, 200, { joined: members.length });
    }
    const read = shape.reads(req.method ?? 'GET', url);
    if (read !== undefined) {
      const list = choose(
        shape,
        members,
        picking,
        read.count,
        read.count === undefined ? reads++ : 0,
      ).map(shape.element);
      return json(res, 200, { size: members.length, list });
    }
    return json(res, 404, { error: 'missing' });
  });
}

function cases(shape: Shape): string {
  return [
    `suite: ${shape.name}`,
    'serial: true',
    'sideEffects: true',
    'cases:',
    ...shape.members.map((m, i) => shape.join(m, i + 1)),
    shape.read(1),
    shape.read(),
    '',
  ].join('\n');
}

describe('a list each side draws from a pool its sequence sent (rule 50)', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));
  const run = async (shape: Shape, candidate: Picking) => {
    const a = await server(shape, 'sent');
    const b = await server(shape, candidate);
    started.push(a, b);
    const cwd = await tempProject({ 'cases/pool.yaml': cases(shape) });
    const out = await runPair(cwd, `a=${a.url}`, `b=${b.url}`);
    return { out, report: await latestReport(cwd) };
  };
  const reads = (report: RunReport) =>
    report.results.filter((r) => /\/(read|peers)-/.test(r.caseId));

  it.each(SHAPES)('$name: another pick and another order, drawn: no row', async (shape) => {
    const { out, report } = await run(shape, 'drawn');
    expect(out.code, out.stdout).toBe(0);
    for (const result of reads(report)) {
      expect(result.verdict).toBe('equal');
      expect(result.generated?.some((g) => g.startsWith('/list (each side'))).toBe(true);
    }
    expect(report.summary.rootCauses?.open ?? 0).toBe(0);
  });

  it.each(SHAPES)(
    '$name: a side whose second answer lists them in another order draws it: no row',
    async (shape) => {
      const { out, report } = await run(shape, 'flipping');
      expect(out.code, out.stdout).toBe(0);
      const all = reads(report).find((r) => r.caseId.endsWith('-all'));
      expect(all?.verdict).toBe('equal');
      expect(all?.generated?.some((g) => g.includes('in both orders here'))).toBe(true);
    },
  );

  it.each(SHAPES)('$name: a member nobody joined keeps its row', async (shape) => {
    const { out, report } = await run(shape, 'stranger');
    expect(out.code, out.stdout).toBe(1);
    const all = reads(report).find((r) => r.caseId.endsWith('-all'));
    expect(all?.verdict).toBe('divergent');
    expect(all?.generated ?? []).toEqual([]);
  });

  it.each(SHAPES)('$name: one member fewer keeps its row', async (shape) => {
    const { out, report } = await run(shape, 'one-fewer');
    expect(out.code, out.stdout).toBe(1);
    const all = reads(report).find((r) => r.caseId.endsWith('-all'));
    expect(all?.verdict).toBe('divergent');
    expect(all?.generated ?? []).toEqual([]);
  });

  it.each(SHAPES)('$name: sorted by name against the order joined keeps its row', async (shape) => {
    const { out, report } = await run(shape, 'sorted');
    expect(out.code, out.stdout).toBe(1);
    const all = reads(report).find((r) => r.caseId.endsWith('-all'));
    expect(all?.verdict).toBe('divergent');
    expect(all?.generated ?? []).toEqual([]);
  });
});
