/**
 * Issue 43, a planted second cause that shares its change: two real servers of
 * one list API, where the candidate ignores `limit=0` (answers the default
 * page) and reads only the first of a repeated filter parameter. Both reads
 * answer more elements on the candidate, in one list of one endpoint: two
 * decisions, two rows, each listing its own case. A second pair with other
 * names gives the same rows.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Names {
  readonly list: string;
  readonly size: string;
  readonly filter: string;
}

const FIRST: Names = { list: 'records', size: 'limit', filter: 'tag' };
const SECOND: Names = { list: 'people', size: 'max', filter: 'role' };

function server(names: Names, candidate: boolean): Promise<TestServer> {
  const rows = [
    { id: 1, tags: ['a', 'b'] },
    { id: 2, tags: ['a'] },
    { id: 3, tags: ['c'] },
  ];
  return startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== `/${names.list}`) return json(res, 404, { error: 'no route' });
    const raw = url.searchParams.get(names.size);
    let size = raw === null ? 20 : Number(raw);
    if (candidate && size === 0) size = 20;
    const filters = candidate
      ? url.searchParams.getAll(names.filter).slice(0, 1)
      : url.searchParams.getAll(names.filter);
    const kept = rows.filter((r) => filters.every((f) => r.tags.includes(f)));
    return json(res, 200, { [names.list]: kept.slice(0, size) });
  });
}

const cases = (n: Names) => `suite: ${n.list}
cases:
  - id: all
    request: { method: GET, path: /${n.list} }
  - id: none
    request: { method: GET, path: "/${n.list}?${n.size}=0" }
  - id: both-filters
    request: { method: GET, path: "/${n.list}?${n.filter}=a&${n.filter}=b" }
  - id: one-filter
    request: { method: GET, path: "/${n.list}?${n.filter}=c" }
`;

describe('list reads with other query parameters', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['first names', FIRST],
    ['other names', SECOND],
  ])('%s: two planted causes of one list are two rows', async (_, names) => {
    const baseline = await server(names, false);
    const candidate = await server(names, true);
    started.push(baseline, candidate);
    const cwd = await tempProject({ [`cases/${names.list}.yaml`]: cases(names) });
    const run = await runCli(cwd, [
      'run',
      '--baseline',
      `a=${baseline.url}`,
      '--candidate',
      `b=${candidate.url}`,
    ]);
    expect(run.code, run.stdout).toBe(1);
    const report = await latestReport(cwd);
    const rows = (report.rootCauses ?? []).map((r) => [r.summary, r.caseIds]);
    expect(rows).toEqual([
      [
        `/${names.list}?${names.size}: candidate adds elements to the list \`/${names.list}\``,
        [`${names.list}/none`],
      ],
      [
        `/${names.list}?${names.filter}: candidate adds elements to the list \`/${names.list}\``,
        [`${names.list}/both-filters`],
      ],
    ]);
  });
});
