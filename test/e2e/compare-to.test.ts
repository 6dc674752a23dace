/**
 * `--compare-to` root cause by root cause, end to end: a candidate that fixes
 * one of a case's root causes, one that adds one, a compared report a signal
 * stopped, and `--fail-on new` with run errors. Real servers on 127.0.0.1.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HtmlView } from '../../src/reporters/report/html/view.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

/**
 * The keys the candidate adds to `/users/1`, each in an object of its own
 * (`/abox/a`: each its own root cause, where members one answer adds to one
 * object would be one), and whether `/gone` resets.
 */
const candidate = { extra: ['a', 'b', 'c'], reset: false };

/** `/users/1` as the baseline answers it: an object per key the candidate may add to. */
const user = (): Record<string, unknown> => ({
  id: 1,
  name: 'x',
  abox: { v: 1 },
  bbox: { v: 1 },
  cbox: { v: 1 },
});

const CASES = `suite: api
cases:
  - id: user-1
    request: { method: GET, path: /users/1 }
  - id: same
    request: { method: GET, path: /same }
  - id: gone
    request: { method: GET, path: /gone }
`;

function htmlData(html: string): HtmlView {
  const text = /<script type="application\/json" id="parity-data">(.*?)<\/script>/s.exec(html)?.[1];
  return JSON.parse(text ?? 'null') as HtmlView;
}

describe('--compare-to, root cause by root cause', () => {
  let rust: TestServer;
  let go: TestServer;
  beforeAll(async () => {
    rust = await startServer((req, res) =>
      json(res, 200, req.url === '/users/1' ? user() : { id: 1, name: 'x' }),
    );
    go = await startServer((req, res) => {
      if (req.url === '/gone' && candidate.reset) return void req.socket.destroy();
      if (req.url !== '/users/1') return json(res, 200, { id: 1, name: 'x' });
      const body = user();
      for (const key of candidate.extra) body[`${key}box`] = { v: 1, [key]: 1 };
      return json(res, 200, body);
    });
  });
  afterAll(async () => Promise.all([rust.close(), go.close()]));
  beforeEach(() => Object.assign(candidate, { extra: ['a', 'b', 'c'], reset: false }));
  const run = (...more: string[]) => [
    'run',
    '--baseline',
    `rust=${rust.url}`,
    '--candidate',
    `go=${go.url}`,
    '--no-tracker',
    ...more,
  ];

  it('calls a case that lost one of its root causes persisting, and that root cause fixed, in every format', async () => {
    const cwd = await tempProject({ 'cases/api.yaml': CASES });
    expect((await runCli(cwd, run('--fail-on', 'none'))).code).toBe(0);
    const first = await latestReport(cwd);
    const before = first.results.find((r) => r.caseId === 'api/user-1')?.findings ?? [];
    expect(before).toHaveLength(3);
    const gone = before.find((f) => f.paths.includes('/abox/a'));
    expect(gone).toBeDefined();

    candidate.extra = ['b', 'c'];
    const second = await runCli(cwd, run('--compare-to', 'latest', '--fail-on', 'new'));
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/api\/user-1 .*\(persisting\)/);
    expect(second.stdout).not.toContain('(new)');
    expect(second.stdout).toContain(
      `compared to ${first.runId}: 0 new · 1 persisting (divergent cases) · 1 fixed root cause, gone from 1 case`,
    );
    expect(second.stdout).toMatch(/fixed\s+api\/user-1 {2}\/users: candidate adds `\/abox\/a`/);

    const report = await latestReport(cwd);
    const now = report.results.find((r) => r.caseId === 'api/user-1');
    expect(now?.regression).toBe('persisting');
    expect(report.regression).toMatchObject({
      new: [],
      persisting: [now?.fingerprint],
      fixed: [{ fingerprint: gone?.fingerprint, caseIds: ['api/user-1'], kinds: ['shape'] }],
    });
    expect(report.regression?.fixed).toHaveLength(1);

    const md = await readFile(join(cwd, 'reports/latest/report.md'), 'utf8');
    expect(md).toContain(
      '0 new · 1 persisting (divergent cases) · 1 fixed root cause, gone from 1 case.',
    );
    expect(md).toContain('### Fixed root causes');
    expect(md).toContain(`| \`${gone?.fingerprint}\` | shape | GET /users/:id | api/user-1 |`);
    expect(md).toContain('**Regression:** persisting');

    const view = htmlData(await readFile(join(cwd, 'reports/latest/report.html'), 'utf8'));
    expect(view.regression?.line).toContain('0 new · 1 persisting (divergent cases) · 1 fixed');
    const row = view.rows.find((r) => r.id === 'api/user-1');
    expect(row?.regression).toBe('persisting');
    expect(row?.regressions).toEqual(['persisting', 'fixed']);
    expect(row?.fixedCauses).toEqual([gone?.summary]);
  });

  it('calls a case new when it shows a root cause it did not show before, and fails --fail-on new', async () => {
    const cwd = await tempProject({ 'cases/api.yaml': CASES });
    candidate.extra = ['a'];
    expect((await runCli(cwd, run('--fail-on', 'none'))).code).toBe(0);
    candidate.extra = ['a', 'b'];
    const second = await runCli(cwd, run('--compare-to', 'latest', '--fail-on', 'new'));
    expect(second.code).toBe(1);
    expect(second.stdout).toMatch(/api\/user-1 .*\(new\)/);
    expect(second.stdout).toContain('1 new · 0 persisting (divergent cases) · 0 fixed root causes');
  });

  it('warns about an interrupted compared report and never calls the cases it did not run new', async () => {
    const cwd = await tempProject({ 'cases/api.yaml': CASES });
    candidate.extra = [];
    expect((await runCli(cwd, run('--fail-on', 'none'))).code).toBe(0);
    // The compared run as a SIGINT would have left it: user-1 and gone never ran.
    const stopped = await latestReport(cwd);
    const notRun = ['api/user-1', 'api/gone'];
    const interrupted = {
      ...stopped,
      interrupted: { signal: 'SIGINT', ran: 1, notRun },
      summary: { ...stopped.summary, cases: 1, equal: 1 },
      results: stopped.results.filter((r) => !notRun.includes(r.caseId)),
    };
    const lines = JSON.stringify(interrupted, null, 2);
    await writeFile(join(cwd, 'stopped.json'), lines);

    candidate.extra = ['a'];
    const second = await runCli(cwd, run('--compare-to', 'stopped.json', '--fail-on', 'new'));
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(
      `warning: the compared report ${stopped.runId} was interrupted by SIGINT (2 of its cases not run): a divergence in those cases is "not compared", never new`,
    );
    expect(second.stdout).toMatch(/api\/user-1 .*\(not compared in the previous report\)/);
    expect(second.stdout).toContain(
      '0 new · 0 persisting · 1 not compared there (divergent cases) · 0 fixed root causes',
    );
    const report = await latestReport(cwd);
    expect(report.results.find((r) => r.caseId === 'api/user-1')?.regression).toBe('not-compared');
    expect(report.regression).toMatchObject({
      comparedTo: { runId: stopped.runId, interrupted: { signal: 'SIGINT', notRun: 2 } },
      new: [],
      notCompared: [report.results.find((r) => r.caseId === 'api/user-1')?.fingerprint],
    });
    const md = await readFile(join(cwd, 'reports/latest/report.md'), 'utf8');
    expect(md).toContain('> **Warning:** the compared report');
    const view = htmlData(await readFile(join(cwd, 'reports/latest/report.html'), 'utf8'));
    expect(view.regression?.warning).toContain('was interrupted by SIGINT');
  });

  it('fails --fail-on new on a run error: a case it could not compare proves nothing', async () => {
    const cwd = await tempProject({ 'cases/api.yaml': CASES });
    expect((await runCli(cwd, run('--fail-on', 'none'))).code).toBe(0);
    candidate.reset = true;
    const second = await runCli(cwd, run('--compare-to', 'latest', '--fail-on', 'new'));
    expect(second.stdout).toContain('0 new · 1 persisting');
    expect(second.stdout).toMatch(/transport\s+api\/gone/);
    expect(second.code).toBe(1);
  });
});
