/**
 * Every kind of report parity writes reads back. The CLI writes a report in
 * each mode (plain, `--noise`, a flow, against a recording, fuzz, merged
 * shards, interrupted) against real servers on 127.0.0.1; each is then read
 * with `parity report --from` (which must re-render report.md, report.html
 * and junit.xml byte for byte, so every number is the same) and with
 * `--compare-to` (which must accept it and name it as the compared run).
 * The reader is the zod schema the contract's types are inferred from
 * (`contract/report.ts`). The CLI runs in-process (`main`, as the e2e tests
 * run it); only the interrupted run needs a process of its own, the real bin,
 * for its SIGINT.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Observation } from '../../src/contract/observation.js';
import { readAssessedResults } from '../../src/judge/results/assessment-file.js';
import { readReport } from '../../src/reporters/report/read.js';
import { type CliResult, runCli, tempProject } from '../helpers/cli.js';
import {
  BASELINE_RULES,
  CANDIDATE_RULES,
  SEED_CASES,
  startAcceptanceServer,
} from '../helpers/fuzz-servers.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { startBin, until } from '../hostile/helpers.js';

/** Each side's answers: ids and prices differ in type, a timestamp differs between calls. */
function api(side: 'a' | 'b', delayMs = 0) {
  let calls = 0;
  return startServer((req, res) => {
    calls++;
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const answer = () => {
      if (req.method === 'POST' && path === '/items') {
        return json(res, 201, { id: side === 'a' ? 7 : 9, name: 'pen' });
      }
      const item = /^\/items\/(\d+)$/.exec(path);
      if (item !== null) {
        return json(res, 200, {
          id: Number(item[1]),
          price: side === 'a' ? 1 : '1',
          at: `t${calls}`,
        });
      }
      return json(res, 200, { path, total: side === 'a' ? 3 : 4 });
    };
    if (delayMs === 0) answer();
    else setTimeout(answer, delayMs);
  });
}

const PLAIN = `suite: plain
cases:
  - id: list
    request: { method: GET, path: /items }
  - id: one
    request: { method: GET, path: /items/1 }
  - id: two
    request: { method: GET, path: /items/2 }
  - id: other
    request: { method: GET, path: /other }
`;

const FLOW = `suite: flows
sideEffects: true
cases:
  - id: made
    steps:
      - id: create
        request: { method: POST, path: /items, json: { name: pen } }
        capture:
          id: { json: /id }
      - id: read
        request: { method: GET, path: "/items/{{id}}" }
`;

const SLOW = JSON.stringify({
  suite: 'slow',
  cases: Array.from({ length: 30 }, (_, n) => ({
    id: `c${n}`,
    request: { method: 'GET', path: `/items/${n}` },
  })),
});

const servers: TestServer[] = [];
let a: TestServer;
let b: TestServer;
let slow: TestServer;
let strict: TestServer;
let lenient: TestServer;
beforeAll(async () => {
  a = await api('a');
  b = await api('b');
  slow = await api('a', 150);
  strict = await startAcceptanceServer(BASELINE_RULES);
  lenient = await startAcceptanceServer(CANDIDATE_RULES);
  servers.push(a, b, slow, strict, lenient);
});
afterAll(async () => Promise.all(servers.map((s) => s.close())));

const pair = () => ['--baseline', `a=${a.url}`, '--candidate', `b=${b.url}`];

/** The run folders under `reports/`. */
async function runFolders(cwd: string): Promise<Set<string>> {
  const names = await readdir(join(cwd, 'reports')).catch(() => []);
  return new Set(names.filter((n) => n !== 'latest'));
}

/** Runs the CLI and returns its outcome and the one run folder it wrote (`reports/<id>`). */
async function writes(
  args: readonly string[],
  cwd: string,
): Promise<{ outcome: CliResult; folder: string }> {
  const before = await runFolders(cwd);
  const outcome = await runCli(cwd, args);
  return { outcome, folder: await newFolder(cwd, before) };
}

async function newFolder(cwd: string, before: ReadonlySet<string>): Promise<string> {
  const added = [...(await runFolders(cwd))].filter((n) => !before.has(n));
  expect(added).toHaveLength(1);
  return join('reports', added[0] ?? '');
}

/** An outcome that wrote a report: not a usage, input or internal failure. */
function expectReportWritten(outcome: {
  readonly code: number | null;
  readonly stderr: string;
}): void {
  expect(outcome.stderr).not.toMatch(/not a valid report|internal error/);
  expect([0, 1, 130]).toContain(outcome.code);
}

/**
 * Reads the report in `folder` back both ways: `report --from` re-renders
 * report.md and junit.xml byte for byte; `--compare-to` (with `again`, the
 * arguments of a run against live targets) reads it as the compared run.
 */
async function readBack(cwd: string, folder: string, again: readonly string[]): Promise<void> {
  const report = await readReport(join(cwd, folder, 'report.json'));
  await expectObservationsCombine(join(cwd, folder));
  const out = join(folder, 'again');
  const rendered = await runCli(cwd, ['report', '--from', folder, '--out', out]);
  expect(rendered.stderr).toBe('');
  expect(rendered.code).toBe(0);
  for (const file of ['report.md', 'report.html', 'junit.xml']) {
    const first = await readFile(join(cwd, folder, file), 'utf8');
    expect(await readFile(join(cwd, out, file), 'utf8'), `${folder}/${file}`).toBe(first);
  }
  const compared = await writes(
    [...again, '--no-tracker', '--compare-to', join(folder, 'report.json')],
    cwd,
  );
  expect(compared.outcome.stderr).not.toMatch(/not a valid report|internal error/);
  expect([0, 1]).toContain(compared.outcome.code);
  const next = await readReport(join(cwd, compared.folder, 'report.json'));
  expect(next.regression?.comparedTo.runId).toBe(report.runId);
  await expectObservationsCombine(join(cwd, compared.folder));
}

/**
 * A run's folder: results.ndjson (each case as observed) with assessment.json
 * laid over it is exactly what report.json lists. A merge has no stream.
 */
async function expectObservationsCombine(dir: string): Promise<void> {
  if (!(await readdir(dir)).includes('results.ndjson')) return;
  const listed: { results: Observation[] } = JSON.parse(
    await readFile(join(dir, 'report.json'), 'utf8'),
  );
  const combined = await readAssessedResults(dir);
  expect(new Map(combined.map((r) => [r.caseId, JSON.stringify(r)]))).toEqual(
    new Map(listed.results.map((r) => [r.caseId, JSON.stringify(r)])),
  );
}

describe('every report the bin writes reads back', () => {
  it('plain, and with --noise', async () => {
    const cwd = await tempProject({ 'cases/plain.yaml': PLAIN });
    const plain = await writes(['run', ...pair(), '--no-tracker'], cwd);
    expectReportWritten(plain.outcome);
    await readBack(cwd, plain.folder, ['run', ...pair()]);
    const withNoise = await writes(['run', ...pair(), '--noise', '--no-tracker'], cwd);
    expectReportWritten(withNoise.outcome);
    const noisy = withNoise.folder;
    expect((await readReport(join(cwd, noisy, 'report.json'))).noise).toBeDefined();
    await readBack(cwd, noisy, ['run', ...pair(), '--noise']);
  });

  it('a flow', async () => {
    const cwd = await tempProject({ 'cases/flows.yaml': FLOW });
    const { outcome, folder } = await writes(['run', ...pair(), '--no-tracker'], cwd);
    expectReportWritten(outcome);
    const report = await readReport(join(cwd, folder, 'report.json'));
    expect(report.results.map((r) => r.flow?.step)).toEqual(['create', 'read']);
    await readBack(cwd, folder, ['run', ...pair()]);
  });

  it('against a recording', async () => {
    const cwd = await tempProject({ 'cases/plain.yaml': PLAIN });
    const recorded = await runCli(cwd, ['record', '--target', `a=${a.url}`]);
    expect(recorded.code, recorded.stderr).toBe(0);
    const args = ['run', '--baseline-recording', 'recordings/a', '--candidate', `b=${b.url}`];
    const { outcome, folder } = await writes([...args, '--no-tracker'], cwd);
    expectReportWritten(outcome);
    expect((await readReport(join(cwd, folder, 'report.json'))).baseline.recording).toBeDefined();
    await readBack(cwd, folder, args);
  });

  it('fuzz', async () => {
    const cwd = await tempProject({
      'cases/api.yaml': SEED_CASES,
      'parity.config.yaml': `targets:
  strict: { url: "${strict.url}", disposable: true }
  lenient: { url: "${lenient.url}", disposable: true }
baseline: strict
candidate: lenient
`,
    });
    const fuzzed = await writes(['fuzz', '--seed', '2', '--budget', '200', '--no-tracker'], cwd);
    expectReportWritten(fuzzed.outcome);
    await readBack(cwd, fuzzed.folder, ['run']);
  });

  it('merged shards', async () => {
    const cwd = await tempProject({ 'cases/plain.yaml': PLAIN, 'cases/flows.yaml': FLOW });
    const shards: string[] = [];
    for (const shard of ['1/2', '2/2']) {
      const part = await writes(['run', ...pair(), '--shard', shard, '--no-tracker'], cwd);
      expectReportWritten(part.outcome);
      shards.push(join(part.folder, 'report.json'));
    }
    const { outcome, folder } = await writes(['merge', ...shards, '--no-tracker'], cwd);
    expectReportWritten(outcome);
    expect((await readReport(join(cwd, folder, 'report.json'))).mergedFrom).toHaveLength(2);
    await readBack(cwd, folder, ['run', ...pair()]);
  });

  it('interrupted', async () => {
    const cwd = await tempProject({ 'cases/slow.json': SLOW });
    const args = ['run', '--baseline', `a=${slow.url}`, '--candidate', `b=${slow.url}`];
    const before = slow.requests.length;
    const folders = await runFolders(cwd);
    const bin = await startBin([...args, '--no-tracker', '--concurrency', '2'], cwd, {
      packages: true,
    });
    await until(() => slow.requests.length - before >= 4 || bin.stderr() !== '');
    bin.child.kill('SIGINT');
    expectReportWritten(await bin.done);
    const folder = await newFolder(cwd, folders);
    expect((await readReport(join(cwd, folder, 'report.json'))).interrupted).toBeDefined();
    await readBack(cwd, folder, args);
  });
});
