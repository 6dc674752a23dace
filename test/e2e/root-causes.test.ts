/**
 * Decisions per root cause, end to end: two real servers that differ by ten
 * known set of planted root causes (test/helpers/planted-servers.ts). The
 * tracker holds exactly one row per planted cause; a second run adds none;
 * fixing one cause resolves exactly its row; deciding rows turns their cases
 * to `accepted` and the exit code to 0; a dead candidate gives run errors and
 * no row.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { parseTracker, trackerRows } from '../../src/io/tracker/parse.js';
import type { TrackerRow } from '../../src/io/tracker/types.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import type { TestServer } from '../helpers/http.js';
import {
  PLANTED,
  PLANTED_CASES,
  type PlantedCause,
  plantedServers,
} from '../helpers/planted-servers.js';

const TRACKER = 'docs/ARCHITECTURE_COMPARISON.md';
const day = (n: number) => ({ now: new Date(`2026-11-${n}T10:00:00Z`) });

async function rowsOf(cwd: string): Promise<TrackerRow[]> {
  return trackerRows(parseTracker(await readFile(join(cwd, TRACKER), 'utf8'), TRACKER));
}

function rowFor(rows: readonly TrackerRow[], cause: PlantedCause): TrackerRow {
  const row = rows.find((r) => r.summary === PLANTED[cause]);
  if (row === undefined) throw new Error(`no row for ${cause}`);
  return row;
}

function verdicts(report: RunReport): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of report.results) out[r.verdict] = (out[r.verdict] ?? 0) + 1;
  return out;
}

describe('decisions per root cause, on two servers with planted causes', () => {
  const fixed = new Set<PlantedCause>();
  let baseline: TestServer;
  let candidate: TestServer;
  let cwd: string;
  beforeAll(async () => {
    ({ baseline, candidate } = await plantedServers(fixed));
    cwd = await tempProject({ 'cases/records.yaml': PLANTED_CASES });
  });
  afterAll(async () => Promise.all([baseline.close(), candidate.close()]));
  const run = () => [
    'run',
    '--baseline',
    `rust=${baseline.url}`,
    '--candidate',
    `go=${candidate.url}`,
  ];

  // The steps share one project and run in order: each starts from the tracker the last left.
  let rows: TrackerRow[] = [];

  it('opens exactly one row per planted root cause', async () => {
    const first = await runCli(cwd, run(), day(20));
    expect(first.stderr).toBe('');
    expect(first.code).toBe(1);
    rows = await rowsOf(cwd);
    expect(rows.map((r) => r.summary).sort()).toEqual(Object.values(PLANTED).sort());
    expect(rows.every((r) => r.status === 'open')).toBe(true);
    expect(rowFor(rows, 'status-422').kind).toBe('status');
    expect(rowFor(rows, 'status-400').kind).toBe('status');
    expect(rowFor(rows, 'cache-control').kind).toBe('header');
    // The nil slice shows in a list and in reads: one row naming both endpoints.
    expect(rowFor(rows, 'nil-slice').endpoints).toEqual(
      expect.arrayContaining(['GET /records', 'GET /records/:id', 'POST /records']),
    );
    const report = await latestReport(cwd);
    const multi = report.results.filter((r) => (r.findings?.length ?? 0) >= 2);
    expect(multi.length * 2).toBeGreaterThan(report.results.length);
    // Every finding's fingerprint is exactly the one in its row.
    const fingerprints = new Set(rows.map((r) => r.fingerprint));
    for (const r of report.results) {
      for (const f of r.findings ?? []) expect(fingerprints).toContain(f.fingerprint);
    }
    expect(report.summary.rootCauses).toEqual({
      covered: 0,
      open: 10,
      accepted: 0,
      wontfix: 0,
      resolved: 0,
    });
    // The console opens with the decisions.
    expect(first.stdout.indexOf('10 root causes: 10 open')).toBeLessThan(
      first.stdout.indexOf('cases 18'),
    );
  });

  it('adds no row on a second run and renames none', async () => {
    const second = await runCli(cwd, run(), day(21));
    expect(second.code).toBe(1);
    const tracker = (await latestReport(cwd)).tracker;
    expect(tracker?.added).toEqual([]);
    expect(tracker?.seen).toHaveLength(10);
    expect((await rowsOf(cwd)).map((r) => [r.id, r.fingerprint])).toEqual(
      rows.map((r) => [r.id, r.fingerprint]),
    );
  });

  it('resolves exactly the row of a cause fixed on the candidate, and renames none', async () => {
    fixed.add('nil-slice');
    const third = await runCli(cwd, run(), day(22));
    expect(third.code).toBe(1);
    const afterFix = (await latestReport(cwd)).tracker;
    expect(afterFix?.resolved).toEqual([rowFor(rows, 'nil-slice').id]);
    expect(afterFix?.added).toEqual([]);
    const fixedRows = await rowsOf(cwd);
    expect(fixedRows.map((r) => [r.id, r.fingerprint, r.summary])).toEqual(
      rows.map((r) => [r.id, r.fingerprint, r.summary]),
    );
    expect(rowFor(fixedRows, 'nil-slice').status).toBe('resolved');
    expect(third.stdout).toMatch(/resolved +shape +\[\] vs null/);
  });

  it('turns the cases of decided rows to accepted, and exits 0 once nothing is open', async () => {
    const bulk = await runCli(cwd, [
      'decide',
      '--kind',
      'value',
      'accepted',
      '--note',
      'clients parse both',
    ]);
    expect(bulk.code).toBe(0);
    expect(bulk.stdout).toContain(`${rowFor(rows, 'enum-case').id} open → accepted`);
    expect(bulk.stdout).toContain(`${rowFor(rows, 'timestamp').id} open → accepted`);
    const byPattern = await runCli(cwd, ['decide', '--pattern', 'tagged-enum', 'wontfix']);
    expect(byPattern.stdout).toContain(`${rowFor(rows, 'tagged-enum').id} open → wontfix`);
    const rest = (
      ['null-vs-absent', 'status-422', 'cache-control', 'body-kind', 'version'] as const
    ).map((cause) => rowFor(rows, cause).id);
    expect((await runCli(cwd, ['decide', ...rest, 'accepted'])).code).toBe(0);
    const almost = await runCli(cwd, run(), day(23));
    expect(almost.code).toBe(1);
    const open = await latestReport(cwd);
    // Only the two cases whose one cause is still open (400 → 201) fail the run.
    expect(open.results.filter((r) => r.verdict === 'divergent').map((r) => r.caseId)).toEqual([
      'records/create-long-name',
      'records/create-longer-name',
    ]);
    expect(verdicts(open)).toEqual({ accepted: 16, divergent: 2 });

    const last = await runCli(cwd, [
      'decide',
      rowFor(rows, 'status-400').id,
      'accepted',
      '--note',
      'the candidate is right: no length limit',
    ]);
    expect(last.code).toBe(0);
    const done = await runCli(cwd, run(), day(24));
    expect(done.code).toBe(0);
    const decided = await latestReport(cwd);
    expect(verdicts(decided)).toEqual({ accepted: 18 });
    expect(decided.summary).toMatchObject({ divergent: 0, accepted: 18, equal: 0 });
    expect(decided.summary.rootCauses).toEqual({
      covered: 0,
      open: 0,
      accepted: 8,
      wontfix: 1,
      resolved: 0,
    });
    const md = await readFile(join(cwd, 'reports', 'latest', 'report.md'), 'utf8');
    expect(md.indexOf('## Decisions')).toBeLessThan(md.indexOf('## Summary'));
    expect(md).toContain('**Decision:** the candidate is right: no length limit');
    expect(md).toContain('## Accepted cases (18)');
    const junit = await readFile(join(cwd, 'reports', 'latest', 'junit.xml'), 'utf8');
    expect(junit.match(/<skipped /g)).toHaveLength(18);
  });

  it('gives run errors, exit 3 and no row when the candidate is down', async () => {
    const before = await readFile(join(cwd, TRACKER), 'utf8');
    await candidate.close();
    const dead = await runCli(cwd, run(), day(25));
    expect(dead.code).toBe(3);
    const down = await latestReport(cwd);
    expect(down.summary.errors).toBe(18);
    // A target that answered nothing compared nothing: the tracker is not even read.
    expect(down.tracker).toBeUndefined();
    expect(down.rootCauses ?? []).toEqual([]);
    expect(dead.stdout).toContain('run errors 18');
    expect(await readFile(join(cwd, TRACKER), 'utf8')).toBe(before);
  });
});
