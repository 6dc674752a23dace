/**
 * Order: a serial file runs strictly in file order, one request at a time
 * per target, whatever `--concurrency`, and alone: nothing else is sent
 * while a serial sequence or a flow runs; shards
 * deal whole serial files and flows, and `parity merge` puts them back in
 * run order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import type { TestServer } from '../helpers/http.js';
import { startStateful } from '../helpers/stateful.js';

/** Reads and bumps of one counter: every read's answer depends on the order. */
function counterFile(serial: boolean): string {
  const cases = Array.from({ length: 12 }, (_, k) =>
    k % 3 === 0
      ? `  - id: bump-${k}\n    request: { method: POST, path: /counter }`
      : `  - id: read-${k}\n    request: { method: GET, path: /counter }`,
  );
  return `suite: counter\n${serial ? 'serial: true\n' : ''}cases:\n${cases.join('\n')}\n`;
}

/** Independent reads (of a path both servers answer 404 forever) that keep the other workers busy. */
const LISTS = `suite: lists\ncases:\n${Array.from(
  { length: 40 },
  (_, k) => `  - id: list-${k}\n    request: { method: GET, path: /static?page=${k} }`,
).join('\n')}\n`;

const FLOW = `suite: flows
sideEffects: true
cases:
  - id: plain
    request: { method: GET, path: /static }
  - id: lifecycle
    steps:
      - id: create
        request: { method: POST, path: /items, json: { name: a } }
        capture: { id: { json: /id } }
      - id: read
        request: { method: GET, path: "/items/{{id}}" }
      - id: delete
        request: { method: DELETE, path: "/items/{{id}}" }
  - id: after
    request: { method: GET, path: /static/after }
`;

const rows = (report: RunReport) => report.results.map((r) => `${r.caseId} ${r.verdict}`);

describe('serial files', () => {
  const started: TestServer[] = [];
  let targets: string[] = [];
  beforeAll(async () => {
    const rust = await startStateful({ firstId: 1, salt: 'r' });
    const go = await startStateful({ firstId: 900, salt: 'g' });
    started.push(rust, go);
    targets = ['--baseline', `rust=${rust.url}`, '--candidate', `go=${go.url}`, '--no-tracker'];
  });
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it('give the same results at --concurrency 1 and 16, each target seeing the file order', async () => {
    const outcomes: string[][] = [];
    for (const concurrency of ['1', '16']) {
      // The candidate counts slowly: a read that overlaps a bump sees another count there.
      const rust = await startStateful({ firstId: 1, salt: 'r' });
      const go = await startStateful({ firstId: 1, salt: 'g', bumpDelayMs: 40 });
      started.push(rust, go);
      const cwd = await tempProject({
        'cases/a-lists.yaml': LISTS,
        'cases/b-counter.yaml': counterFile(true),
        'cases/c-lists.yaml': LISTS.replaceAll('lists', 'more'),
      });
      const args = ['run', '--baseline', `rust=${rust.url}`, '--candidate', `go=${go.url}`];
      const result = await runCli(cwd, [...args, '--no-tracker', '--concurrency', concurrency]);
      expect(result.code).toBe(0);
      const report = await latestReport(cwd);
      outcomes.push(rows(report));
      const expected = counterFile(true)
        .split('\n')
        .filter((line) => line.includes('method'))
        .map((line) => (line.includes('POST') ? 'POST' : 'GET'));
      for (const server of [rust, go]) {
        const counter = server.requests.filter((r) => r.url === '/counter').map((r) => r.method);
        expect(counter).toEqual(expected);
      }
      const serial = report.results.filter((r) => r.suite === 'counter');
      expect(serial.every((r) => r.serial === 'cases/b-counter.yaml')).toBe(true);
    }
    expect(outcomes[1]).toEqual(outcomes[0]);
    expect(outcomes[0]).toHaveLength(92);
    expect(outcomes[1]?.every((row) => row.endsWith(' equal'))).toBe(true);
  });

  it('run alone: two serial files and a flow on one counter never overlap anything (20 runs)', async () => {
    const rust = await startStateful({ firstId: 1, salt: 'r' });
    const go = await startStateful({ firstId: 1, salt: 'g', bumpDelayMs: 5 });
    started.push(rust, go);
    const bumps = `suite: bumps
serial: true
sideEffects: true
cases:
  - id: count
    steps:
      - id: bump
        request: { method: POST, path: /counter }
      - id: read
        request: { method: GET, path: /counter }
`;
    const lists = (suite: string) =>
      `suite: ${suite}\ncases:\n${Array.from(
        { length: 8 },
        (_, k) => `  - id: list-${k}\n    request: { method: GET, path: /static?page=${k} }`,
      ).join('\n')}\n`;
    const cwd = await tempProject({
      'cases/a-lists.yaml': lists('head'),
      'cases/b-counter.yaml': counterFile(true),
      'cases/c-lists.yaml': lists('mid'),
      'cases/d-counter.yaml': counterFile(true).replace('suite: counter', 'suite: again'),
      'cases/e-flow.yaml': bumps,
      'cases/f-lists.yaml': lists('tail'),
    });
    const args = ['run', '--baseline', `rust=${rust.url}`, '--candidate', `go=${go.url}`];
    for (let round = 0; round < 20; round++) {
      for (const server of [rust, go]) server.requests.length = 0;
      const result = await runCli(cwd, [...args, '--no-tracker', '--concurrency', '8']);
      expect(result.code, result.stdout).toBe(0);
      for (const server of [rust, go]) {
        // Each sequence's requests are one unbroken stretch of what the server saw.
        const seen = server.requests.map((r) => (r.url === '/counter' ? 'c' : 'l')).join('');
        expect(seen).toMatch(/^l{8}c{12}l{8}c{12}c{2}l{8}$/);
      }
    }
  });

  it('validate warns about plain files that write what another plain file reads', async () => {
    const cwd = await tempProject({
      'cases/a.yaml':
        'suite: a\ncases:\n  - id: make\n    request: { method: POST, path: /items }\n',
      'cases/b.yaml':
        'suite: b\ncases:\n  - id: look\n    request: { method: GET, path: /items/1 }\n',
      'cases/c.yaml':
        'suite: c\nserial: true\ncases:\n  - id: wipe\n    request: { method: DELETE, path: /items/1 }\n',
    });
    const result = await runCli(cwd, ['validate']);
    expect(result.code).toBe(0);
    expect(result.stderr + result.stdout).toContain(
      'cases/a.yaml:4:36: warning: cases[0].request.path writes /items (POST make), which cases/b.yaml reads (GET look)',
    );
    // The serial file runs alone: it races nothing.
    expect(result.stderr + result.stdout).not.toContain('cases/c.yaml');
  });

  it('run a serial suite named in the config, its consecutive files as one sequence', async () => {
    const cwd = await tempProject({
      'cases/s/1.yaml': counterFile(false),
      'cases/s/2.yaml': counterFile(false).replace(/(bump|read)-/g, '$1-two-'),
      'parity.config.yaml': 'serial: [counter]\n',
    });
    expect((await runCli(cwd, ['run', ...targets, '--concurrency', '16'])).code).toBe(0);
    const report = await latestReport(cwd);
    expect(new Set(report.results.map((r) => r.serial))).toEqual(new Set(['cases/s/1.yaml']));
  });

  it('are dealt whole to one shard, as are flows, and merge back in run order', async () => {
    const files = {
      'cases/a.yaml': LISTS.replace(/length: 40/, 'length: 3'),
      'cases/b.yaml': counterFile(true),
      'cases/c.yaml': FLOW,
      'cases/d.yaml': LISTS.replaceAll('lists', 'tail'),
    };
    const full = await tempProject(files);
    expect((await runCli(full, ['run', ...targets])).code).toBe(0);
    const whole = await latestReport(full);
    const sharded = await tempProject(files);
    const reports: string[] = [];
    for (const index of [1, 2, 3]) {
      expect((await runCli(sharded, ['run', ...targets, '--shard', `${index}/3`])).code).toBe(0);
      const shard = await latestReport(sharded);
      const ids = shard.results.map((r) => r.caseId);
      const serial = ids.filter((id) => id.startsWith('counter/'));
      expect([0, 12]).toContain(serial.length);
      const flow = ids.filter((id) => id.startsWith('flows/lifecycle/'));
      expect([0, 3]).toContain(flow.length);
      reports.push(`reports/${shard.runId}/report.json`);
    }
    const merged = await runCli(sharded, ['merge', ...reports, '--no-tracker']);
    expect(merged.code).toBe(0);
    const report = await latestReport(sharded);
    expect(report.results.map((r) => r.caseId)).toEqual(whole.results.map((r) => r.caseId));
  });
});
