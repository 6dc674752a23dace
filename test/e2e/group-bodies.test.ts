/**
 * Issue 43: text bodies keyed by what changed, not by where, on two real
 * servers. They plant:
 *
 * - each server's own 404 page on two endpoints (the candidate's echoes the
 *   request's path): one row listing both;
 * - each server's own 410 page on the same two endpoints: a second row (two
 *   real causes on the same endpoints stay two rows);
 * - a stored text written back with its lines in another order on two
 *   endpoints: one row;
 * - an empty 404 against a 403 page on one path: the status row alone (the
 *   body is seen only where the status differs).
 *
 * The tracker holds exactly those four rows, each finding's fingerprint is
 * its row's, and a second run adds none. Two fixtures with other names.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTracker, trackerRows } from '../../src/io/tracker/parse.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

interface Names {
  readonly resources: readonly [string, string];
  readonly stored: readonly [string, string];
  readonly lines: readonly string[];
  readonly guarded: string;
}

const FIRST: Names = {
  resources: ['users', 'orders'],
  stored: ['work', 'home'],
  lines: ['BEGIN:VEVENT', 'UID:{id}', 'DTSTART:20260105T090000Z', 'SUMMARY:{id}', 'END:VEVENT'],
  guarded: 'private',
};
const SECOND: Names = {
  resources: ['books', 'loans'],
  stored: ['alpha', 'beta'],
  lines: ['[entry]', 'name={id}', 'size=3', 'owner=ada', 'mode=ro'],
  guarded: 'admin',
};

const TRACKER = 'docs/ARCHITECTURE_COMPARISON.md';

function send(
  res: Parameters<Parameters<typeof startServer>[0]>[1],
  status: number,
  type: string,
  body: string,
) {
  res.writeHead(status, body === '' ? {} : { 'content-type': type });
  res.end(body);
}

function server(names: Names, candidate: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const [, first = '', id = ''] = path.split('/');
    if (names.resources.includes(first)) {
      const gone = Number(id) >= 900;
      if (gone) {
        return send(
          res,
          410,
          'text/html',
          candidate ? `<p>${id} was removed</p>` : '<h1>Gone</h1>',
        );
      }
      return send(
        res,
        404,
        'text/html',
        candidate ? `<p>Path ${path} not found.</p>` : '<h1>Page Not Found</h1>',
      );
    }
    if (names.stored.includes(first)) {
      const lines = names.lines.map((line) => line.replace('{id}', `${first}-${id}`));
      // The candidate writes the lines between the first and the last in reverse.
      const inner = lines.slice(1, -1);
      const written = candidate ? [lines[0], ...inner.reverse(), lines.at(-1)] : lines;
      return send(res, 200, 'text/calendar', written.join('\r\n'));
    }
    if (first === names.guarded) {
      return candidate ? send(res, 403, 'text/plain', 'Forbidden') : send(res, 404, '', '');
    }
    return send(res, 500, 'text/plain', 'unexpected');
  });
}

const cases = (names: Names) => {
  const [a, b] = names.resources;
  const [s, t] = names.stored;
  return `suite: api
cases:
  - id: missing-a
    request: { method: GET, path: /${a}/7 }
  - id: missing-b
    request: { method: GET, path: /${b}/12 }
  - id: gone-a
    request: { method: GET, path: /${a}/901 }
  - id: gone-b
    request: { method: GET, path: /${b}/902 }
  - id: stored-s
    request: { method: GET, path: /${s}/1 }
  - id: stored-t
    request: { method: GET, path: /${t}/2 }
  - id: guarded
    request: { method: GET, path: /${names.guarded}/x }
`;
};

describe('text bodies grouped by what changed', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['first names', FIRST],
    ['other names', SECOND],
  ])('%s: four planted causes are four rows', async (_, names) => {
    const baseline = await server(names, false);
    const candidate = await server(names, true);
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/api.yaml': cases(names) });
    const argv = ['run', '--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`];
    const run = await runCli(cwd, argv);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const report = await latestReport(cwd);
    const causes = report.rootCauses ?? [];
    const byCases = (ids: readonly string[]) =>
      causes.filter((cause) => JSON.stringify(cause.caseIds) === JSON.stringify(ids));

    // Each server's 404 page on two endpoints: one row (the echoed path elided).
    const missing = byCases(['api/missing-a', 'api/missing-b']);
    expect(missing.map((cause) => cause.summary)).toEqual([
      expect.stringMatching(
        /^body differs alike on several endpoints \(text\/html, [0-9a-f]{8}\)$/,
      ),
    ]);
    expect(missing[0]?.endpoints).toHaveLength(2);
    // Another page on the same endpoints: another row.
    const gone = byCases(['api/gone-a', 'api/gone-b']);
    expect(gone).toHaveLength(1);
    expect(gone[0]?.fingerprint).not.toBe(missing[0]?.fingerprint);
    // The same lines in another order: one row.
    expect(byCases(['api/stored-s', 'api/stored-t']).map((cause) => cause.summary)).toEqual([
      'bodies hold the same lines in another order (text/calendar)',
    ]);
    // An empty 404 against a 403 page: the status row alone holds the body.
    expect(byCases(['api/guarded']).map((cause) => cause.summary)).toEqual([
      `status 404 → 403 on GET /${names.guarded}/x`,
    ]);
    expect(causes).toHaveLength(4);

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

    // A second run adds no row.
    const again = await runCli(cwd, argv);
    expect(again.code).toBe(1);
    expect((await latestReport(cwd)).tracker?.added).toEqual([]);
  });

  it.each([
    ['first names', FIRST],
    ['other names', SECOND],
  ])(
    '%s: rows a run of one endpoint keyed there are superseded, not duplicated',
    async (_, names) => {
      const baseline = await server(names, false);
      const candidate = await server(names, true);
      started.push(baseline, candidate);
      const cwd = await tempProject({ 'cases/api.yaml': cases(names) });
      const argv = ['run', '--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`];
      expect((await runCli(cwd, [...argv, '--filter', 'api/missing-a'])).code).toBe(1);
      const before = trackerRows(parseTracker(await readFile(join(cwd, TRACKER), 'utf8'), TRACKER));
      expect(before.map((row) => row.summary)).toEqual([
        `GET /${names.resources[0]}/:id: body differs`,
      ]);
      expect((await runCli(cwd, argv)).code).toBe(1);
      const after = trackerRows(parseTracker(await readFile(join(cwd, TRACKER), 'utf8'), TRACKER));
      expect(after.filter((row) => row.status === 'open')).toHaveLength(4);
      const superseded = after.filter((row) => row.status === 'superseded');
      expect(superseded.map((row) => row.id)).toEqual(before.map((row) => row.id));
    },
  );
});
