/**
 * A row a rule now hides is `_covered_`, not `_resolved_`: the servers still
 * differ. Removing the rule reopens it; a row whose difference is really gone
 * (the rule removed, the servers agreeing) is resolved as any other.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTracker, trackerRows } from '../../src/io/tracker/parse.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const TRACKER = 'docs/ARCHITECTURE_COMPARISON.md';

const cases = (rules: string) => `suite: items
cases:
  - id: read
    request: { method: GET, path: /items/1 }
${rules}`;

describe('rows covered by a rule', () => {
  let baseline: TestServer;
  let candidate: TestServer;
  let colour = 'green';
  beforeAll(async () => {
    baseline = await startServer((_req, res) => json(res, 200, { id: 1, colour: 'blue' }));
    candidate = await startServer((_req, res) => json(res, 200, { id: 1, colour }));
  });
  afterAll(async () => Promise.all([baseline.close(), candidate.close()]));

  it('are _covered_ while a rule hides them, reopen when it goes, resolve when the difference does', async () => {
    const cwd = await tempProject({ 'cases/items.yaml': cases('') });
    const run = () =>
      runCli(cwd, ['run', '--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`]);
    const rows = async () =>
      trackerRows(parseTracker(await readFile(join(cwd, TRACKER), 'utf8'), TRACKER));
    const status = async () => (await rows()).map((row) => row.status);

    expect((await run()).code).toBe(1);
    expect(await status()).toEqual(['open']);

    await writeFile(join(cwd, 'cases/items.yaml'), cases('    rules: { ignore: [/colour] }\n'));
    const hidden = await run();
    expect(hidden.code).toBe(0);
    expect(await status()).toEqual(['covered']);
    expect((await rows())[0]?.resolved).toBe('');
    expect(hidden.stdout).toMatch(/1 covered by a rule/);
    const report = await latestReport(cwd);
    expect(report.tracker?.covered).toEqual(['PAR-001']);
    expect(report.tracker?.resolved).toEqual([]);
    expect(report.summary.rootCauses).toMatchObject({ open: 0, resolved: 0, covered: 1 });
    const read = report.results.find((r) => r.caseId === 'items/read');
    expect(read?.verdict).toBe('equal');
    expect(read?.covered).toEqual([report.rootCauses?.[0]?.fingerprint]);
    const shown = await runCli(cwd, ['show', 'PAR-001']);
    expect(shown.stdout).toContain('Covered by a rule');

    await writeFile(join(cwd, 'cases/items.yaml'), cases(''));
    const back = await run();
    expect(back.code).toBe(1);
    expect(await status()).toEqual(['open']);
    expect((await latestReport(cwd)).tracker?.reopened).toEqual(['PAR-001']);

    // Covered again, then the candidate is fixed and the rule removed: resolved.
    await writeFile(join(cwd, 'cases/items.yaml'), cases('    rules: { ignore: [/colour] }\n'));
    await run();
    colour = 'blue';
    await writeFile(join(cwd, 'cases/items.yaml'), cases(''));
    expect((await run()).code).toBe(0);
    expect(await status()).toEqual(['resolved']);
  });
});
