/**
 * `kill -9` of the real bin at random points of a run (20 times, on one
 * project, so orphans pile up): never a tracker updated without a complete
 * report beside it, never a corrupted tracker or report, never a lost human
 * byte; a killed run's folder is marked `.partial`; the next run takes over
 * the dead lock and clears the orphans.
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTracker, trackerRows } from '../../src/io/tracker/parse.js';
import { readReport } from '../../src/reporters/report/read.js';
import { tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { bundledBin, runBin, startBin } from './helpers.js';

const TOTAL = 150;
const cases = JSON.stringify({
  suite: 'k',
  cases: Array.from({ length: TOTAL }, (_, n) => ({
    id: `c${n}`,
    request: { method: 'GET', path: `/i/${n}` },
  })),
});
const HEAD = '# Decisions\n\nWritten by a human; every byte must survive.\n\n';
const TAIL = '\nAfter the table: more human text.\n';
const TRACKER = `${HEAD}<!-- parity:tracker:start -->\n<!-- parity:tracker:end -->\n${TAIL}`;

let base: TestServer;
let cand: TestServer;
beforeAll(async () => {
  base = await startServer((req, res) => json(res, 200, { path: req.url }));
  // A new key on every answer: each completed run adds tracker rows.
  cand = await startServer((req, res) => json(res, 200, { path: req.url, [randomUUID()]: 1 }));
});
afterAll(async () => Promise.all([base.close(), cand.close()]));

const TRACKER_PATH = 'docs/ARCHITECTURE_COMPARISON.md';

async function published(cwd: string): Promise<string[]> {
  const names = await readdir(join(cwd, 'reports')).catch(() => []);
  // Hidden entries are a run's own probes, staging folders and latest links, cleared once stale.
  const hidden = names.filter((n) => n.startsWith('.'));
  for (const name of hidden) expect(name).toMatch(/^\.(parity-probe-|parity-staging-|latest\.)/);
  return names
    .filter((n) => n !== 'latest' && !n.startsWith('.') && !n.endsWith('.partial'))
    .sort();
}

/** What must hold after any kill. */
async function checkInvariants(cwd: string, before: { tracker: string; reports: number }) {
  const tracker = await readFile(join(cwd, TRACKER_PATH), 'utf8');
  expect(tracker.startsWith(HEAD)).toBe(true);
  expect(tracker.endsWith(TAIL)).toBe(true);
  const rows = trackerRows(parseTracker(tracker, TRACKER_PATH));
  expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  const reports = await published(cwd);
  // The tracker changed only along with a new complete report.
  if (tracker !== before.tracker) expect(reports.length).toBeGreaterThan(before.reports);
  for (const name of reports) {
    const report = await readReport(join(cwd, 'reports', name, 'report.json'));
    expect(report.summary.cases).toBe(TOTAL);
  }
  return { tracker, reports: reports.length };
}

describe('kill -9 at random points of a run', () => {
  it('leaves nothing corrupted, no tracker update without a report, no lost human byte', async () => {
    const cwd = await tempProject({ 'cases/k.json': cases, [TRACKER_PATH]: TRACKER });
    const args = ['run', '--baseline', `b=${base.url}`, '--candidate', `c=${cand.url}`];
    // One whole run first: how long a run lasts here, to spread the kills over all of it.
    await bundledBin();
    const started = performance.now();
    expect((await runBin(args, cwd)).code).toBe(1);
    const span = performance.now() - started;
    let state = await checkInvariants(cwd, { tracker: TRACKER, reports: 0 });
    const kills = 20;
    for (let k = 0; k < kills; k++) {
      const bin = await startBin(args, cwd);
      // Spread from start-up to past the end, densest around the writing of reports and tracker.
      const at = span * (0.3 + (k + Math.random()) / kills);
      await new Promise((resolve) => setTimeout(resolve, at));
      bin.child.kill('SIGKILL');
      await bin.done;
      state = await checkInvariants(cwd, state);
    }
    const names = await readdir(join(cwd, 'reports'));
    const partial = names.filter((n) => n.endsWith('.partial'));
    // The next run takes over a dead lock at once and clears what killed runs left.
    const final = await runBin(args, cwd);
    expect(final.code, final.stderr).toBe(1);
    if (partial.length > 0) expect(final.stderr).toContain('unfinished run folder(s)');
    const after = await readdir(join(cwd, 'reports'));
    expect(after.filter((n) => n.endsWith('.partial'))).toEqual([]);
    await checkInvariants(cwd, state);
    const docs = await readdir(join(cwd, 'docs'));
    expect(docs).toEqual(['ARCHITECTURE_COMPARISON.md']);
    // 22 whole runs of the bin: their time follows the machine's speed and load.
  }, 180_000);
});
