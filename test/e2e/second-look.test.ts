/**
 * Evidence (a) of a per-instance value: it changed between two requests to
 * the same side. A GET whose answers differ in values of one format is sent
 * once more to each side (the second look); a value a side answered
 * differently the second time (a process's uptime, its memory, a per-request
 * id) is compared by its format and listed with that evidence. A real change
 * (a stable value that differs) and a value of another format stay rows; a
 * list that only comes back in another order is no evidence; `--second-look 0`
 * turns it off. Two fixtures with other field names and endpoints.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Names {
  readonly path: string;
  /** A fraction that grows between requests. */
  readonly uptime: string;
  /** An integer that moves between requests. */
  readonly memory: string;
  /** A per-request id. */
  readonly request: string;
  /** A stable value that differs between the sides: a real change. */
  readonly mode: string;
  /** An integer on one side, a hex string on the other, changing on both: another format. */
  readonly counter: string;
  /** A list each side answers in another order each time. */
  readonly peers: string;
}

const STATS: Names = {
  path: '/_stats',
  uptime: 'uptime',
  memory: 'rss',
  request: 'request_id',
  mode: 'mode',
  counter: 'served',
  peers: 'nodes',
};
const OTHER: Names = {
  path: '/internal/health',
  uptime: 'elapsedSeconds',
  memory: 'heapUsed',
  request: 'traceId',
  mode: 'storage',
  counter: 'ticks',
  peers: 'members',
};

/** One side's process, answering its stats. */
function side(names: Names, candidate: boolean): Promise<TestServer> {
  const started = performance.now();
  let served = 0;
  return startServer((req, res) => {
    if (req.url !== names.path) return json(res, 404, { error: 'no route' });
    served++;
    const peers = ['n1', 'n2', 'n3'];
    // The candidate's order differs from the baseline's, and each side's changes per request.
    if (served % 2 === (candidate ? 1 : 0)) peers.reverse();
    return json(res, 200, {
      [names.uptime]: (performance.now() - started) / 1000 + 0.123,
      [names.memory]: 40_000_000 + Math.floor(Math.random() * 1_000_000) * 2 + served,
      [names.request]: `req-${randomUUID().slice(0, 8)}x`,
      [names.mode]: candidate ? 'disk' : 'memory',
      [names.counter]: candidate ? `0x${(served * 17).toString(16)}` : served * 17,
      [names.peers]: peers,
    });
  });
}

const cases = (names: Names) => `suite: stats
cases:
  - id: stats
    request: { method: GET, path: ${names.path} }
`;

function only(report: RunReport) {
  const found = report.results[0];
  if (found === undefined) throw new Error('no result');
  return found;
}

describe('values that change between two requests to one side', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['stats names', STATS],
    ['health names', OTHER],
  ])(
    '%s: per-instance by the second look, the real change and the other format stay rows',
    async (_, names) => {
      const baseline = await side(names, false);
      const candidate = await side(names, true);
      started.push(baseline, candidate);
      const cwd = await tempProject({ 'cases/stats.yaml': cases(names) });
      const args = ['run', '--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`];
      const run = await runCli(cwd, args);
      expect(run.code, run.stdout).toBe(1);
      const report = await latestReport(cwd);
      const result = only(report);
      expect([...(result.generated ?? [])].sort()).toEqual(
        [
          `/${names.memory} (changed between two requests to each side)`,
          `/${names.request} (changed between two requests to each side)`,
          `/${names.uptime} (changed between two requests to each side)`,
        ].sort(),
      );
      const rows = (report.rootCauses ?? []).map((r) => r.summary);
      expect(
        rows.some((row) => row.includes(names.mode)),
        rows.join('\n'),
      ).toBe(true);
      expect(
        rows.some((row) => row.includes(names.counter)),
        rows.join('\n'),
      ).toBe(true);
      for (const field of [names.uptime, names.memory, names.request]) {
        expect(
          rows.filter((row) => row.includes(`/${field}`)),
          rows.join('\n'),
        ).toEqual([]);
      }
      expect(report.secondLook).toEqual({ max: 100, sent: 1, over: 0 });
      expect(only(report).secondLookSkipped).toBeUndefined();
      expect(run.stdout).toContain('second look: 1 safe request(s) sent once more to each side');
      // The lists came back in another order: no value of theirs is masked.
      expect(result.generated?.some((entry) => entry.startsWith(`/${names.peers}`))).toBe(false);

      // Turned off, the values that change are rows again, and nothing is sent twice; a
      // memory counter (its name says so) is still the process's own by the run's evidence.
      const before = baseline.requests.length;
      const off = await runCli(cwd, [...args, '--second-look', '0']);
      expect(off.code, off.stdout).toBe(1);
      const plain = await latestReport(cwd);
      const settled = only(plain).generated ?? [];
      expect(settled.some((entry) => entry.includes('changed between two requests'))).toBe(false);
      expect(settled.some((entry) => entry.startsWith(`/${names.request}`))).toBe(false);
      expect(settled.filter((entry) => entry.startsWith(`/${names.memory} (`))).toEqual([
        `/${names.memory} (its uptime or memory counter: a number on both sides, in no request of the run, shown once)`,
      ]);
      expect(plain.secondLook).toBeUndefined();
      expect(baseline.requests.length - before).toBe(1);
      const rowsOff = (plain.rootCauses ?? []).map((r) => r.summary);
      expect(
        rowsOff.some((row) => row.includes(names.request)),
        rowsOff.join('\n'),
      ).toBe(true);
    },
  );
});

describe("answers over the second look's size bound", () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['a session key', 'session', '/whoami', 'notes'],
    ['an order code', 'code', '/orders/latest', 'lines'],
  ])(
    '%s in a large answer is not sent again: the row awaits evidence and says why',
    async (_, field, path, filler) => {
      // Each side draws a new id-like value per request; one answer is padded past the bound.
      const serve = () =>
        startServer((req, res) => {
          const small = req.url === `${path}/small`;
          return json(res, 200, {
            // One shape every time (letters, a dash, digits then a letter): the value alone moves.
            [field]: `ord-${100000 + Math.floor(Math.random() * 900000)}x`,
            [filler]: small ? [] : Array.from({ length: 200 }, (_, i) => `line ${i} of text`),
          });
        });
      const baseline = await serve();
      const candidate = await serve();
      started.push(baseline, candidate);
      const cwd = await tempProject({
        'parity.config.yaml': 'secondLookBytes: 2048\n',
        'cases/big.yaml': `suite: big\ncases:\n  - id: large\n    request: { method: GET, path: ${path} }\n  - id: small\n    request: { method: GET, path: ${path}/small }\n`,
      });
      const run = await runCli(cwd, [
        'run',
        '--baseline',
        `a=${baseline.url}`,
        '--candidate',
        `b=${candidate.url}`,
      ]);
      const report = await latestReport(cwd);
      // The small one was looked at again (the value moved: per-instance); the large one was not.
      expect(report.secondLook).toMatchObject({ sent: 1, tooLarge: 1, maxBytes: 2048 });
      expect(baseline.requests.filter((r) => r.url === path)).toHaveLength(1);
      expect(baseline.requests.filter((r) => r.url === `${path}/small`)).toHaveLength(2);
      const large = report.results.find((r) => r.caseId === 'big/large');
      const small = report.results.find((r) => r.caseId === 'big/small');
      expect(small?.generated).toEqual([`/${field} (changed between two requests to each side)`]);
      expect(large?.secondLookSkipped).toEqual({
        answerBytes: expect.any(Number),
        maxBytes: 2048,
      });
      expect(large?.secondLookSkipped?.answerBytes).toBeGreaterThan(2048);
      expect(large?.unsettled).toEqual([`/${field}`]);
      expect(run.stdout).toContain('1 not sent, an answer over 2048 bytes (secondLookBytes');
      // Awaiting evidence, not an open decision, and its tracker row says why it was not gathered.
      expect(report.summary.rootCauses).toMatchObject({ open: 0, awaitingEvidence: 1 });
      const tracker = await readFile(join(cwd, 'docs/ARCHITECTURE_COMPARISON.md'), 'utf8');
      const row = tracker.split('\n').find((line) => line.startsWith('| PAR-001 '));
      expect(row).toContain(
        'the second look was not sent (an answer over 2048 bytes, secondLookBytes)',
      );
    },
  );
});
