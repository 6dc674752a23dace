/**
 * The tracker lifecycle and regression mode end to end: real servers whose
 * behaviour the tests flip between runs, `main` in a temp project folder.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

/** What the candidate currently gets wrong; the baseline is always right. */
const broken = { drift: true, status: true, extra: false };

async function servers(): Promise<{ rust: TestServer; go: TestServer }> {
  const rust = await startServer((req, res) => {
    if (req.url === '/drift') return json(res, 400, { Schema: { field: 'x', reason: 'y' } });
    if (req.url === '/status') return json(res, 400, { error: 'bad' });
    return json(res, 200, { ok: true, items: [1, 2] });
  });
  const go = await startServer((req, res) => {
    if (req.url === '/drift' && broken.drift) {
      return json(res, 400, { Kind: 'schema', Field: 'x', Reason: 'y' });
    }
    if (req.url === '/drift') return json(res, 400, { Schema: { field: 'x', reason: 'y' } });
    if (req.url === '/status') return json(res, broken.status ? 422 : 400, { error: 'bad' });
    if (req.url === '/extra' && broken.extra) return json(res, 200, { ok: 'yes', items: null });
    return json(res, 200, { ok: true, items: [1, 2] });
  });
  return { rust, go };
}

const CASES = `suite: demo
cases:
  - id: drift
    request: { method: POST, path: /drift, json: { record: { name: x } } }
  - id: extra
    request: { method: GET, path: /extra }
  - id: same
    request: { method: GET, path: /same }
  - id: status
    request: { method: GET, path: /status }
`;

const TRACKER = 'docs/ARCHITECTURE_COMPARISON.md';
const day = (n: number) => ({ now: new Date(`2026-11-${n}T10:00:00Z`) });

/** The tracker row (its line) that lists `caseId`. */
function rowOf(tracker: string, caseId: string): string {
  const line = tracker.split('\n').find((l) => l.startsWith('| PAR-') && l.includes(caseId));
  if (line === undefined) throw new Error(`no row for ${caseId} in\n${tracker}`);
  return line;
}

describe('tracker lifecycle and regression mode', () => {
  let rust: TestServer;
  let go: TestServer;
  beforeAll(async () => ({ rust, go } = await servers()));
  afterAll(async () => Promise.all([rust.close(), go.close()]));
  beforeEach(() => Object.assign(broken, { drift: true, status: true, extra: false }));
  const targets = () => ['run', '--baseline', `rust=${rust.url}`, '--candidate', `go=${go.url}`];
  const readTracker = (cwd: string) => readFile(join(cwd, TRACKER), 'utf8');

  it('a second run after fixing one divergence shows it as fixed and its row _resolved_', async () => {
    const cwd = await tempProject({ 'cases/demo.yaml': CASES });
    expect((await runCli(cwd, targets(), day(20))).code).toBe(1);
    const first = await latestReport(cwd);
    const drift = first.results.find((r) => r.caseId === 'demo/drift');
    // Its one root cause: what a fix removes, and what the regression lists as fixed.
    expect(drift?.findings).toHaveLength(1);
    const driftFp = drift?.findings?.[0]?.fingerprint;
    const statusFp = first.results.find((r) => r.caseId === 'demo/status')?.fingerprint;
    expect(driftFp).toBeDefined();

    broken.drift = false;
    const second = await runCli(cwd, [...targets(), '--compare-to', 'latest'], day(21));
    expect(second.stderr).toBe('');
    expect(second.code).toBe(1); // the status divergence is still open
    const report = await latestReport(cwd);
    expect(report.runId).not.toBe(first.runId);
    expect(report.regression).toMatchObject({
      comparedTo: { runId: first.runId },
      new: [],
      persisting: [statusFp],
      fixed: [{ fingerprint: driftFp, caseIds: ['demo/drift'], kinds: ['shape'] }],
    });
    const byCase = new Map(report.results.map((r) => [r.caseId, r.regression]));
    expect(byCase.get('demo/drift')).toBe('fixed');
    expect(byCase.get('demo/status')).toBe('persisting');
    expect(second.stdout).toContain(
      `compared to ${first.runId}: 0 new · 1 persisting (divergent cases) · 1 fixed root cause, gone from 1 case`,
    );
    expect(second.stdout).toMatch(/fixed\s+demo\/drift/);
    const md = await readFile(join(cwd, 'reports/latest/report.md'), 'utf8');
    expect(md).toContain('## Regression');
    expect(md).toContain(`\`${driftFp}\``);
    expect(md).toContain('**Regression:** persisting');

    const tracker = await readTracker(cwd);
    expect(rowOf(tracker, 'demo/drift')).toMatch(/\| _resolved_ \|.*\| 2026-11-21 \|/);
    expect(rowOf(tracker, 'demo/status')).toContain('_open_');
  });

  it('accepting a row in the markdown turns the next run’s exit code to 0', async () => {
    const cwd = await tempProject({ 'cases/demo.yaml': CASES });
    broken.drift = false;
    expect((await runCli(cwd, targets(), day(20))).code).toBe(1);
    const tracker = await readTracker(cwd);
    const row = rowOf(tracker, 'demo/status');
    const accepted = row
      .replace('_open_', '_accepted_')
      .replace(/\|\s*\|$/, '| 422 is what clients expect now |');
    await writeFile(join(cwd, TRACKER), tracker.replace(row, accepted));

    const next = await runCli(cwd, targets(), day(21));
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/accepted +demo\/status .*\[PAR-001\]/);
    const after = await readTracker(cwd);
    expect(rowOf(after, 'demo/status')).toMatch(/_accepted_.*422 is what clients expect now \|$/);
    const status = (await latestReport(cwd)).results.find((r) => r.caseId === 'demo/status');
    expect(status?.verdict).toBe('accepted');
    expect(status?.findings?.map((f) => f.tracker)).toEqual([
      { id: 'PAR-001', status: 'accepted' },
    ]);
    // --fail-on any still fails on it; accepted is a decision, not a disappearance.
    expect((await runCli(cwd, [...targets(), '--fail-on', 'any'], day(21))).code).toBe(1);
  });

  it('reopens a _resolved_ row that comes back instead of adding a new one', async () => {
    const cwd = await tempProject({ 'cases/demo.yaml': CASES });
    broken.status = false;
    await runCli(cwd, targets(), day(20));
    broken.drift = false;
    expect((await runCli(cwd, targets(), day(21))).code).toBe(0);
    expect(rowOf(await readTracker(cwd), 'demo/drift')).toContain('_resolved_');

    broken.drift = true;
    const again = await runCli(cwd, [...targets(), '--fail-on', 'new'], day(22));
    expect(again.code).toBe(1); // reopened counts as new without --compare-to
    const tracker = await readTracker(cwd);
    const row = rowOf(tracker, 'demo/drift');
    expect(row).toMatch(/^\| PAR-001 \| _open_ +\|/);
    expect(row).toContain('| 2026-11-20 | 2026-11-22 |');
    expect(tracker.match(/\| PAR-\d+ \|/g)).toHaveLength(1);
    expect((await latestReport(cwd)).tracker?.reopened).toEqual(['PAR-001']);
  });

  it('--fail-on new without --compare-to fails only on rows this run added or reopened', async () => {
    const cwd = await tempProject({ 'cases/demo.yaml': CASES });
    expect((await runCli(cwd, [...targets(), '--fail-on', 'new'], day(20))).code).toBe(1);
    expect((await runCli(cwd, [...targets(), '--fail-on', 'new'], day(21))).code).toBe(0);
    broken.extra = true;
    expect((await runCli(cwd, [...targets(), '--fail-on', 'new'], day(22))).code).toBe(1);
    // Without a tracker or a previous report, every divergence is new.
    const bare = await runCli(cwd, [...targets(), '--fail-on', 'new', '--no-tracker'], day(22));
    expect(bare.code).toBe(1);
  });

  it('--fail-on new with --compare-to fails only on fingerprints the previous report lacked', async () => {
    const cwd = await tempProject({ 'cases/demo.yaml': CASES });
    const args = [...targets(), '--no-tracker', '--fail-on', 'new'];
    await runCli(cwd, [...targets(), '--no-tracker'], day(20));
    const before = (await latestReport(cwd)).runId;
    expect((await runCli(cwd, [...args, '--compare-to', 'latest'], day(21))).code).toBe(0);
    const persisting = await latestReport(cwd);
    expect(persisting.regression?.comparedTo.runId).toBe(before);
    expect(persisting.regression?.new).toEqual([]);

    broken.extra = true;
    const path = `reports/${persisting.runId}/report.json`;
    const worse = await runCli(cwd, [...args, '--compare-to', path, '--json'], day(22));
    expect(worse.code).toBe(1);
    const machine = JSON.parse(worse.stdout);
    expect(machine.regression.new).toHaveLength(1);
    const extra = machine.divergences.find((d: { caseId: string }) => d.caseId === 'demo/extra');
    expect(extra.regression).toBe('new');
    // A run folder works as well as its report.json.
    const folder = `reports/${persisting.runId}`;
    expect((await runCli(cwd, [...args, '--compare-to', folder], day(22))).code).toBe(1);
  });

  it('refuses a --compare-to report that does not exist or is not a report', async () => {
    const cwd = await tempProject({ 'cases/demo.yaml': CASES, 'junk.json': '{"hello": 1}' });
    const missing = await runCli(cwd, [...targets(), '--compare-to', 'latest']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/reports\/latest\/report\.json: no such file/);
    const junk = await runCli(cwd, [...targets(), '--compare-to', 'junk.json']);
    expect(junk.code).toBe(2);
    expect(junk.stderr).toMatch(/junk\.json: not a parity report/);
    expect(rust.requests.length).toBeGreaterThan(0);
  });

  it('parity tracker prints the open rows; --check exits 1 when the tracker is stale', async () => {
    const cwd = await tempProject({ 'cases/demo.yaml': CASES });
    await runCli(cwd, targets(), day(20));
    const listed = await runCli(cwd, ['tracker']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`${TRACKER}: 2 open, 0 accepted, 0 wontfix, 0 resolved`);
    expect(listed.stdout).toMatch(
      /PAR-001\s+open\s+shape\s+2026-11-20\s+POST \/drift\s+demo\/drift/,
    );
    expect(listed.stdout).toMatch(
      /PAR-002\s+open\s+status\s+2026-11-20\s+GET \/status\s+demo\/status/,
    );
    const rows = JSON.parse((await runCli(cwd, ['tracker', '--json'])).stdout);
    expect(rows.map((r: { id: string }) => r.id)).toEqual(['PAR-001', 'PAR-002']);

    const fresh = await runCli(cwd, ['tracker', '--check']);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain('is up to date with reports/latest/report.json');

    // A run that does not update the tracker leaves it behind the report.
    broken.drift = false;
    broken.extra = true;
    await runCli(cwd, [...targets(), '--no-tracker'], day(21));
    const stale = await runCli(cwd, ['tracker', '--check', '--json']);
    expect(stale.code).toBe(1);
    const found = JSON.parse(stale.stdout).findings.map((f: { reason: string }) => f.reason);
    // /extra now differs in two ways (`/ok` and `/items`): two root causes without a row.
    expect(found.sort()).toEqual(['missing-row', 'missing-row', 'not-resolved', 'not-seen']);
    const text = await runCli(cwd, ['tracker', '--check']);
    expect(text.stdout).toMatch(/\(PAR-001\) is _open_ but none of its cases reproduced it/);

    // Bringing it up to date clears the check; an older report is then not "newer news".
    const first = (await runCli(cwd, targets(), day(21))).code;
    expect(first).toBe(1);
    expect((await runCli(cwd, ['tracker', '--check'])).code).toBe(0);
    expect((await runCli(cwd, ['tracker'])).stdout).toContain('1 resolved');
    expect((await runCli(cwd, ['tracker', '--all'])).stdout).toMatch(/PAR-001\s+resolved\s+shape /);
  });

  it('refuses a malformed tracker with its line and leaves the file untouched', async () => {
    const cwd = await tempProject({ 'cases/demo.yaml': CASES });
    await runCli(cwd, targets(), day(20));
    const tracker = await readTracker(cwd);
    const broke = tracker.replace(rowOf(tracker, 'demo/drift'), '| PAR-001 | _open_ | two cells |');
    await writeFile(join(cwd, TRACKER), broke);
    const sent = go.requests.length;
    const run = await runCli(cwd, targets(), day(21));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ARCHITECTURE_COMPARISON\.md:20:1: the row has 3 cells/);
    expect(go.requests.length).toBe(sent);
    expect(await readTracker(cwd)).toBe(broke);
    expect((await runCli(cwd, ['tracker'])).code).toBe(2);
  });
});
