/**
 * Issue 43, items 1 and 2: one decision, one row, keyed by what changed, not
 * by where. Two servers of one API plant:
 *
 * - an envelope object every answer of three endpoints carries, whose three
 *   members the candidate lacks (one row, not 3 members × 3 endpoints);
 * - an error object restructured on two endpoints (`{"error"}` against
 *   `{"statusCode", "error", "message"}`): one row for the members it
 *   gains, and one for its message reworded (a value: a question of its own);
 * - a second cause on a fourth endpoint that shares the envelope and one of
 *   its member paths (that member retyped, another added): a row of its own;
 * - a member only one endpoint adds: that endpoint's row.
 *
 * The tracker holds exactly those five rows, each finding's fingerprint is
 * its row's, and a second run adds none. Two fixtures with other names.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTracker, trackerRows } from '../../src/io/tracker/parse.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Names {
  readonly envelope: string;
  readonly members: readonly [string, string, string];
  readonly kept: string;
  readonly resources: readonly [string, string, string, string];
  readonly note: string;
}

const FIRST: Names = {
  envelope: 'meta',
  members: ['version', 'build', 'region'],
  kept: 'requestId',
  resources: ['users', 'orders', 'invoices', 'reports'],
  note: 'hint',
};
const SECOND: Names = {
  envelope: 'about',
  members: ['apiLevel', 'server', 'zone'],
  kept: 'trace',
  resources: ['books', 'shelves', 'loans', 'stats'],
  note: 'remark',
};

const TRACKER = 'docs/ARCHITECTURE_COMPARISON.md';

function server(names: Names, candidate: boolean): Promise<TestServer> {
  const [first, second, third] = names.members;
  const [a, b, c, d] = names.resources;
  const envelope = (resource: string) => {
    if (resource === d) {
      // Another cause: the fourth endpoint's candidate retypes one member and adds another.
      return candidate
        ? { [names.kept]: 'r', [first]: ['3'], [second]: 'b7', [third]: 'eu', shard: 'x' }
        : { [names.kept]: 'r', [first]: '3', [second]: 'b7', [third]: 'eu' };
    }
    return candidate
      ? { [names.kept]: 'r' }
      : { [names.kept]: 'r', [first]: '3', [second]: 'b7', [third]: 'eu' };
  };
  return startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const [, resource = '', id] = path.split('/');
    if ([a, b, c, d].includes(resource)) {
      const body: Record<string, unknown> = { data: { id: id ?? 'all' } };
      body[names.envelope] = envelope(resource);
      if (candidate && resource === c) body[names.note] = 'new';
      return json(res, 200, body);
    }
    return candidate
      ? json(res, 404, { statusCode: 404, error: 'Not Found', message: `no ${resource}` })
      : json(res, 404, { error: 'not found' });
  });
}

const cases = (names: Names) => {
  const [a, b, c, d] = names.resources;
  return `suite: api
cases:
  - id: first
    request: { method: GET, path: /${a} }
  - id: second
    request: { method: GET, path: /${b} }
  - id: third
    request: { method: GET, path: /${c} }
  - id: fourth-one
    request: { method: GET, path: /${d}/1 }
  - id: fourth-two
    request: { method: GET, path: /${d}/2 }
  - id: gone-one
    request: { method: GET, path: /nothing-here }
  - id: gone-two
    request: { method: GET, path: /nowhere }
`;
};

describe('one decision, one row: grouped by what changed', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['first names', FIRST],
    ['other names', SECOND],
  ])(
    '%s: rows a smaller run keyed by endpoint are superseded by the cluster, not duplicated',
    async (_, names) => {
      const baseline = await server(names, false);
      const candidate = await server(names, true);
      started.push(baseline, candidate);
      const cwd = await tempProject({ 'cases/api.yaml': cases(names) });
      const argv = ['run', '--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`];
      // One answer: the members it lacks in one object are one row of its endpoint's resource.
      expect((await runCli(cwd, [...argv, '--filter', 'api/first'])).code).toBe(1);
      const before = trackerRows(parseTracker(await readFile(join(cwd, TRACKER), 'utf8'), TRACKER));
      expect(before).toHaveLength(1);
      expect(before[0]?.summary).toMatch(new RegExp(`^/${names.resources[0]}: candidate lacks `));
      // Every answer: the three members are one row across endpoints, which supersedes those three.
      expect((await runCli(cwd, argv)).code).toBe(1);
      const after = trackerRows(parseTracker(await readFile(join(cwd, TRACKER), 'utf8'), TRACKER));
      const open = after.filter((row) => row.status === 'open');
      expect(open).toHaveLength(5);
      const superseded = after.filter((row) => row.status === 'superseded');
      expect(superseded.map((row) => row.id).sort()).toEqual(before.map((row) => row.id).sort());
    },
  );

  it.each([
    ['first names', FIRST],
    ['other names', SECOND],
  ])('%s: five planted causes are five rows', async (_, names) => {
    const baseline = await server(names, false);
    const candidate = await server(names, true);
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/api.yaml': cases(names) });
    const argv = ['run', '--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`];
    const run = await runCli(cwd, argv);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const report = await latestReport(cwd);
    const causes = report.rootCauses ?? [];
    const [a, b, c] = names.resources;
    const [first, second, third] = names.members;
    const byCases = (ids: readonly string[]) =>
      causes.filter((cause) => JSON.stringify(cause.caseIds) === JSON.stringify(ids));

    // The envelope: three members lacking on three endpoints, one row listing them all.
    const [envelope, ...moreEnvelope] = byCases(['api/first', 'api/second', 'api/third']);
    expect(moreEnvelope).toEqual([]);
    for (const member of [first, second, third]) {
      expect(envelope?.summary).toContain(`\`/${names.envelope}/${member}\``);
    }
    expect(envelope?.endpoints).toEqual([`GET /${b}`, `GET /${a}`, `GET /${c}`].sort());
    // The error object rewritten on two endpoints: one row for the members it gains, one for
    // its message reworded (a value that differs in the same answers is a question of its own).
    const errors = byCases(['api/gone-one', 'api/gone-two']).map((cause) => cause.summary);
    expect(errors.sort()).toEqual([
      'candidate adds `/message`, `/statusCode`',
      'value of `/error` differs: `not found` vs `Not Found`',
    ]);
    // The fourth endpoint's own cause shares the envelope and a member path: a row of its own.
    const fourth = byCases(['api/fourth-one', 'api/fourth-two']);
    expect(fourth).toHaveLength(1);
    expect(fourth[0]?.summary).toContain(`\`/${names.envelope}/${first}\``);
    expect(fourth[0]?.summary).toContain(`\`/${names.envelope}/shard\``);
    // A member one endpoint adds: that endpoint's row.
    expect(causes.map((cause) => cause.summary)).toContain(
      `/${c}: candidate adds \`/${names.note}\``,
    );
    expect(causes).toHaveLength(5);

    // Each finding's fingerprint is its row's, in report.json and in the tracker.
    const tracked = trackerRows(parseTracker(await readFile(join(cwd, TRACKER), 'utf8'), TRACKER));
    expect(tracked.map((row) => row.fingerprint).sort()).toEqual(
      causes.map((cause) => cause.fingerprint).sort(),
    );
    for (const result of report.results) {
      for (const finding of result.findings ?? []) {
        const cause = causes.find((one) => one.fingerprint === finding.fingerprint);
        expect(cause?.caseIds).toContain(result.caseId);
      }
    }

    // Stable across runs of the same servers: a second run adds no row, and against the first
    // report (`--compare-to`) every divergent case persists.
    const firstReport = join(cwd, 'reports', report.runId, 'report.json');
    const again = await runCli(cwd, [...argv, '--compare-to', firstReport]);
    expect(again.code).toBe(1);
    const secondReport = await latestReport(cwd);
    expect(secondReport.tracker?.added).toEqual([]);
    expect(secondReport.regression?.new).toEqual([]);
    expect(secondReport.regression?.persisting).toHaveLength(7);

    // Shards see part of the answers each; their merge clusters them all, as one run does.
    const sharded = [...argv, '--no-tracker', '--fail-on', 'none'];
    await runCli(cwd, [...sharded, '--shard', '1/2', '--reports', 's1']);
    await runCli(cwd, [...sharded, '--shard', '2/2', '--reports', 's2']);
    const merged = await runCli(cwd, [
      'merge',
      's1/latest/report.json',
      's2/latest/report.json',
      '--no-tracker',
      '--fail-on',
      'none',
    ]);
    expect(merged.code, merged.stderr).toBe(0);
    const whole = (await latestReport(cwd)).rootCauses ?? [];
    expect(whole.map((cause) => cause.fingerprint).sort()).toEqual(
      causes.map((cause) => cause.fingerprint).sort(),
    );
  });
});
