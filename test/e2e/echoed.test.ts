/**
 * Values each side generated earlier in a serial sequence, echoed later: a
 * create answers each side's own id, a list echoes it. The echo is compared
 * as one reference (`echoed`), and it proves the create's ids per-instance
 * too: once every answer is in, the create is judged again without them. A
 * value a side derives from the input (a slug, a real difference) is echoed
 * too, but it does not look drawn: its first appearance keeps its row.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

function server(prefix: string): Promise<TestServer> {
  const things: Record<string, unknown>[] = [];
  return startServer((req, res, body) => {
    if (req.method === 'POST') {
      const input = JSON.parse(body || '{}') as { name?: string };
      const thing = {
        // Letters and digits, as a drawn id holds: ten hex digits alone are all decimal one time in ~110.
        id: `${prefix}-${randomBytes(5).toString('hex')}1f`,
        ...input,
        // Derived from the input, a separator of each side's own: a real difference, echoed too.
        slug: `${input.name}${prefix === 'b' ? '-' : '_'}2024`,
      };
      things.push(thing);
      return json(res, 201, thing);
    }
    return json(res, 200, { items: things, first: things[0]?.['id'] ?? null });
  });
}

const CASES = `suite: things
serial: true
defaults:
  headers: { content-type: application/json }
cases:
  - id: create
    request: { method: POST, path: /things, json: { name: one } }
  - id: list
    request: { method: GET, path: /things }
  - id: list-again
    request: { method: GET, path: /things }
`;

describe('echoed references', () => {
  let baseline: TestServer;
  let candidate: TestServer;
  beforeAll(async () => {
    // Ids of two shapes (`b-…` letters first, `c9-…` a digit in the prefix): never "one generated
    // format" on both sides (core/normalise/generated.ts), so what proves them per-instance is the echo.
    [baseline, candidate] = await Promise.all([server('b'), server('c9')]);
  });
  afterAll(async () => Promise.all([baseline.close(), candidate.close()]));

  it('compare the echoes of each side generated value as one reference', async () => {
    const cwd = await tempProject({ 'cases/things.yaml': CASES });
    const run = await runCli(cwd, [
      'run',
      '--baseline',
      `a=${baseline.url}`,
      '--candidate',
      `b=${candidate.url}`,
      '--no-tracker',
    ]);
    const report = await latestReport(cwd);
    // The slug each side derives differently stays a row, shown by the create; the ids do not.
    expect((report.rootCauses ?? []).map((r) => [r.summary, r.caseIds])).toEqual([
      ['/things: value of `/slug` differs', ['things/create']],
    ]);
    const create = report.results.find((r) => r.caseId === 'things/create');
    expect(create?.changes?.map((c) => c.path)).toEqual(['/slug']);
    expect(create?.echoed).toEqual(['/id']);
    const list = report.results.find((r) => r.caseId === 'things/list');
    expect(list?.verdict).toBe('equal');
    expect(list?.echoed).toEqual(['/items/0/id', '/items/0/slug', '/first']);
    // Counted as the run finally judged each case: the create its echo proved too.
    const echoing = report.results.filter((r) => r.echoed !== undefined).length;
    expect(echoing).toBe(3);
    expect(report.summary.echoed).toBe(echoing);
    expect(run.stdout).toMatch(
      /per-instance: 3 case\(s\) echoing values each side generated earlier/,
    );
  });
});
