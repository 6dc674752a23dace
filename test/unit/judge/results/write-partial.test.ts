/** A run's folder loses `.partial` only when it holds every report. */
import { mkdir, mkdtemp, stat } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../../../src/contract/report.js';
import { splitAssessed } from '../../../../src/judge/results/assessment.js';
import { collectedInMemory } from '../../../../src/judge/results/collected.js';
import { writeRunReports } from '../../../../src/reporters/files.js';
import { openRunFolder } from '../../../../src/reporters/report/run-folder.js';
import { sampleReport } from './report-fixtures.js';

const host = { pid: process.pid, hostname: hostname(), isAlive: () => true };
const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** The report's results as a run holds them: observations, each as assessed in `final`. */
function inMemory(report: RunReport) {
  const collected = collectedInMemory(splitAssessed(report.results).observations);
  return { collected, final: new Map(report.results.map((r) => [r.caseId, r] as const)) };
}

describe('writeRunReports', () => {
  it('publishes a folder that holds every report', async () => {
    const reports = join(await mkdtemp(join(tmpdir(), 'parity-write-')), 'reports');
    const { folder } = await openRunFolder(reports, 'run-ok', host);
    const report = sampleReport();
    const written = await writeRunReports(report, inMemory(report), folder);
    expect(written.partial).toBeUndefined();
    expect(await exists(join(reports, 'run-ok', 'report.json'))).toBe(true);
  });

  it('leaves the folder .partial when a report could not be written, and says which', async () => {
    const reports = join(await mkdtemp(join(tmpdir(), 'parity-write-')), 'reports');
    const { folder } = await openRunFolder(reports, 'run-full', host);
    // A folder where junit.xml goes: its write fails, as on a full disk.
    await mkdir(join(folder.dir, 'junit.xml'));
    const report = sampleReport();
    const written = await writeRunReports(report, inMemory(report), folder);
    expect(written.partial).toBe(true);
    expect(written.failures.map((f) => f.format)).toEqual(['junit']);
    expect(written.dir).toBe(folder.dir);
    expect(await exists(join(reports, 'run-full'))).toBe(false);
    expect(await exists(join(folder.dir, 'report.json'))).toBe(true);
  });
});
