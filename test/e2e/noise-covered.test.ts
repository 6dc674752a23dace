/**
 * A row whose difference learned noise now hides is `_covered_`, not
 * `_resolved_`: the servers still differ (each answer carries its own
 * request id, trace id, timestamp), the noise only says the baseline differs
 * from itself there too. The rows of the planted divergences stay open, and
 * a run without `--noise` reopens the covered ones.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTracker, trackerRows } from '../../src/io/tracker/parse.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import type { TestServer } from '../helpers/http.js';
import { NOISY_CASES, startNoisyPair } from '../helpers/noisy-servers.js';

const TRACKER = 'docs/ARCHITECTURE_COMPARISON.md';

describe('rows learned noise hides', () => {
  let old: TestServer;
  let rewrite: TestServer;
  beforeAll(async () => ({ old, rewrite } = await startNoisyPair()));
  afterAll(async () => Promise.all([old.close(), rewrite.close()]));

  it('are _covered_ with --noise, open again without it', async () => {
    const cwd = await tempProject({ 'cases/noisy.yaml': NOISY_CASES });
    const run = (...extra: string[]) =>
      runCli(cwd, [
        'run',
        '--baseline',
        `old=${old.url}`,
        '--candidate',
        `new=${rewrite.url}`,
        ...extra,
      ]);
    const statuses = async () => {
      const rows = trackerRows(parseTracker(await readFile(join(cwd, TRACKER), 'utf8'), TRACKER));
      return new Map(rows.map((row) => [row.id, row.status]));
    };

    expect((await run()).code).toBe(1);
    const before = await statuses();
    const first = await latestReport(cwd);
    // Without --noise, the per-answer values are rows beside the three planted causes.
    expect(before.size).toBeGreaterThan(3);
    expect([...before.values()].every((status) => status === 'open')).toBe(true);

    const noisy = await run('--noise');
    expect(noisy.stderr).toBe('');
    expect(noisy.code).toBe(1);
    const after = await statuses();
    const report = await latestReport(cwd);
    const open = [...after].filter(([, status]) => status === 'open').map(([id]) => id);
    const covered = [...after].filter(([, status]) => status === 'covered').map(([id]) => id);
    expect(open).toHaveLength(3);
    expect(covered).toHaveLength(before.size - 3);
    expect([...after.values()]).not.toContain('resolved');
    expect([...(report.tracker?.covered ?? [])].sort()).toEqual([...covered].sort());
    expect(report.tracker?.resolved).toEqual([]);
    expect(noisy.stdout).toMatch(new RegExp(`${covered.length} covered by a rule or noise`));
    // Each covered row's fingerprint is listed on a result that learned noise hid it in.
    const listed = new Set(report.results.flatMap((r) => r.covered ?? []));
    const byId = new Map(first.rootCauses?.map((c) => [c.row?.id, c.fingerprint]) ?? []);
    for (const id of covered)
      expect(listed.has(byId.get(id) ?? `no fingerprint for ${id}`)).toBe(true);
    const shown = await runCli(cwd, ['show', covered[0] ?? '']);
    expect(shown.stdout).toContain('Covered by a rule or noise');

    // Without --noise the servers still differ there: the covered rows are open again.
    expect((await run()).code).toBe(1);
    expect([...(await statuses()).values()].every((status) => status === 'open')).toBe(true);
  });
});
