import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../../../src/reporters/report/json.js';
import { runCli, tempProject } from '../../../helpers/cli.js';
import { sampleReport } from '../../judge/results/report-fixtures.js';

async function project() {
  const report = sampleReport();
  const cwd = await tempProject({ [`reports/${report.runId}/report.json`]: renderJson(report) });
  return { cwd, dir: join(cwd, 'reports', report.runId), report };
}

describe('parity report --from', () => {
  it('re-renders md, html and junit next to the report without sending anything', async () => {
    const { cwd, dir, report } = await project();
    const result = await runCli(cwd, ['report', '--from', `reports/${report.runId}/report.json`]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`wrote reports/${report.runId}/report.html`);
    expect(await readFile(join(dir, 'report.md'), 'utf8')).toContain('## Latency');
    expect(XMLValidator.validate(await readFile(join(dir, 'junit.xml'), 'utf8'))).toBe(true);
    expect(await readFile(join(dir, 'report.html'), 'utf8')).toContain('parity-data');
  });

  it('takes a run folder, a format list and an output folder', async () => {
    const { cwd, report } = await project();
    const result = await runCli(cwd, [
      'report',
      '--from',
      `reports/${report.runId}`,
      '--format',
      'junit,json',
      '--out',
      'out',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      'wrote out/report.json',
      'wrote out/junit.xml',
    ]);
    expect(JSON.parse(await readFile(join(cwd, 'out/report.json'), 'utf8'))).toEqual(
      JSON.parse(renderJson(report)),
    );
  });

  it('refuses a newer schemaVersion, a garbled or missing file and an unknown format with 2', async () => {
    const { cwd, dir, report } = await project();
    const path = join(dir, 'report.json');
    await writeFile(path, JSON.stringify({ ...report, schemaVersion: 7 }));
    const newer = await runCli(cwd, ['report', '--from', path]);
    expect(newer.code).toBe(2);
    expect(newer.stderr).toContain(
      'written with report schemaVersion 7, but this parity reads schemaVersion 3',
    );
    await writeFile(path, '{"schemaVersion":1,');
    expect((await runCli(cwd, ['report', '--from', path])).stderr).toContain('not valid JSON');
    await rm(path);
    const missing = await runCli(cwd, ['report', '--from', path]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    const format = await runCli(cwd, ['report', '--from', path, '--format', 'pdf']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('comma-separated list of json, md, html, junit');
  });
});
