/**
 * Tracker rule 50, adversarial cases on real servers: a pick of one record
 * of several the sequence sent, neither the first nor the last sent on one
 * side, that is a **ranking**, not a draw. A leaderboard whose baseline
 * answers the top score and whose candidate answers the latest entry, and a
 * job queue whose baseline pops the highest priority and whose candidate
 * pops the oldest job: the number each request sent beside the value (the
 * points, the priority) explains the pick, so the change of ranking keeps
 * its row and is never masked as each side's draw.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Entry {
  readonly name: string;
  readonly rank: number;
}

interface Fixture {
  readonly name: string;
  /** In the order sent; the top rank is neither first nor last. */
  readonly entries: readonly Entry[];
  push(entry: Entry, i: number): string;
  readonly read: string;
  pushed(method: string, url: URL, body: string): Entry | undefined;
  reads(method: string, url: URL): boolean;
  element(entry: Entry): unknown;
}

const FIXTURES: readonly Fixture[] = [
  {
    name: 'a leaderboard: top score against latest entry',
    entries: [
      { name: 'marlin', rank: 10 },
      { name: 'pike', rank: 30 },
      { name: 'trout', rank: 20 },
    ],
    push: (e, i) =>
      `  - id: score-${i}\n    request: { method: POST, path: /scores, json: { player: ${e.name}, points: ${e.rank} } }`,
    read: '  - id: leader\n    request: { method: GET, path: /leaders, query: { limit: "1" } }',
    pushed: (method, url, body) => {
      if (method !== 'POST' || url.pathname !== '/scores') return undefined;
      const sent = JSON.parse(body) as { player: string; points: number };
      return { name: sent.player, rank: sent.points };
    },
    reads: (method, url) => method === 'GET' && url.pathname === '/leaders',
    element: (e) => ({ player: e.name, points: e.rank }),
  },
  {
    name: 'a job queue: highest priority against oldest',
    entries: [
      { name: 'resize', rank: 2 },
      { name: 'encode', rank: 9 },
      { name: 'upload', rank: 5 },
    ],
    push: (e, i) =>
      `  - id: push-${i}\n    request: { method: POST, path: /queue/push, query: { job: ${e.name}, priority: "${e.rank}" } }`,
    read: '  - id: next\n    request: { method: POST, path: /queue/peek }',
    pushed: (method, url) => {
      const job = url.searchParams.get('job');
      if (method !== 'POST' || url.pathname !== '/queue/push' || job === null) return undefined;
      return { name: job, rank: Number(url.searchParams.get('priority')) };
    },
    reads: (method, url) => method === 'POST' && url.pathname === '/queue/peek',
    element: (e) => e.name,
  },
];

/** `ranked`: the top rank first; `recent`: the latest (leaderboard) or oldest (queue) entry. */
function server(f: Fixture, ranked: boolean, oldest: boolean): Promise<TestServer> {
  const entries: Entry[] = [];
  return startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const entry = f.pushed(req.method ?? 'GET', url, body);
    if (entry !== undefined) {
      entries.push(entry);
      return json(res, 201, { ok: true });
    }
    if (f.reads(req.method ?? 'GET', url)) {
      const top = [...entries].sort((x, y) => y.rank - x.rank)[0];
      const other = oldest ? entries[0] : entries[entries.length - 1];
      const chosen = ranked ? top : other;
      return json(res, 200, { items: chosen === undefined ? [] : [f.element(chosen)] });
    }
    return json(res, 404, { missing: url.pathname });
  });
}

describe('rule 50 kept apart: a pick a number sent beside it ranks', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each(FIXTURES)('$name keeps its row', async (f) => {
    const oldest = f.name.includes('queue');
    const a = await server(f, true, oldest);
    const b = await server(f, false, oldest);
    started.push(a, b);
    const steps = [...f.entries.map((e, i) => f.push(e, i)), f.read];
    const text = `suite: s\nserial: true\nsideEffects: true\ncases:\n${steps.join('\n')}\n`;
    const cwd = await tempProject({ 'cases/s.yaml': text });
    const out = await runPair(cwd, `a=${a.url}`, `b=${b.url}`);
    expect(out.code, out.stdout + out.stderr).toBe(1);
    const report = await latestReport(cwd);
    const read = report.results.find((r) => r.caseId === report.results.at(-1)?.caseId);
    expect(read?.verdict).toBe('divergent');
    expect((read?.generated ?? []).filter((g) => g.includes('drawn from a pool'))).toEqual([]);
    expect((report.rootCauses ?? []).some((c) => c.caseIds.includes(read?.caseId ?? ''))).toBe(
      true,
    );
  });
});
