/**
 * Rows a person would write: two servers of one API plant a list with an
 * extra item in the middle (and one common item changed), lists in another
 * order, and a serial suite where the candidate accepts a write the baseline
 * refuses, after which a list read shows the extra record. With `--noise`
 * and no rules, the rows are exactly the planted real causes: the extra item,
 * the changed value, the order, and the accepted write — with the list read
 * after it shown under it as a consequence, not as a row of its own. A second
 * pair with other field names gives the same counts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Names {
  readonly resource: string;
  readonly catalogue: string;
  readonly key: string;
  readonly price: string;
  readonly note: string;
}

const FIRST: Names = {
  resource: 'members',
  catalogue: 'products',
  key: 'sku',
  price: 'price',
  note: 'nickname',
};
const SECOND: Names = {
  resource: 'accounts',
  catalogue: 'parts',
  key: 'partName',
  price: 'cost',
  note: 'alias',
};

function server(names: Names, candidate: boolean): Promise<TestServer> {
  const members: Record<string, unknown>[] = [
    { id: 1, email: 'ann@example.org', [names.note]: 'ann' },
    { id: 2, email: 'bob@example.org', [names.note]: 'bob' },
  ];
  const catalogue = ['a1', 'b2', 'c3', 'd4'].map((key, k) => ({
    [names.key]: key,
    [names.price]: 10 + k,
    tags: ['x'],
  }));
  return startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    if (path === `/${names.catalogue}`) {
      const items = catalogue.map((item) =>
        // The candidate prices the last item differently.
        candidate && item[names.key] === 'd4' ? { ...item, [names.price]: 99 } : item,
      );
      // The candidate lists one more item, in the middle.
      if (candidate) items.splice(2, 0, { [names.key]: 'zz', [names.price]: 5, tags: [] });
      return json(res, 200, { items });
    }
    if (path === `/${names.catalogue}/sorted`) {
      const items = candidate ? [...catalogue].reverse() : catalogue;
      return json(res, 200, { items });
    }
    if (path === `/${names.resource}` && req.method === 'POST') {
      const input = JSON.parse(body || '{}') as Record<string, unknown>;
      // The baseline checks the address; the candidate takes anything.
      if (!candidate && !String(input['email'] ?? '').includes('@')) {
        return json(res, 400, { error: 'invalid email' });
      }
      const made = { id: members.length + 1, email: input['email'], [names.note]: input['note'] };
      members.push(made);
      return json(res, 201, made);
    }
    if (path === `/${names.resource}`) return json(res, 200, { items: members });
    return json(res, 404, { error: 'no route' });
  });
}

const catalogueCases = (names: Names) => `suite: ${names.catalogue}
cases:
  - id: list
    request: { method: GET, path: /${names.catalogue} }
  - id: sorted
    request: { method: GET, path: /${names.catalogue}/sorted }
`;

const memberCases = (names: Names) => `suite: ${names.resource}
serial: true
defaults:
  headers: { content-type: application/json }
cases:
  - id: create-invalid
    request: { method: POST, path: /${names.resource}, json: { email: not-an-address, note: x } }
  - id: list-after
    request: { method: GET, path: /${names.resource} }
`;

describe('rows a person would write', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['first names', FIRST],
    ['other names', SECOND],
  ])(
    '%s: one row per planted cause; the read after an accepted write is its consequence',
    async (_, names) => {
      const baseline = await server(names, false);
      const candidate = await server(names, true);
      started.push(baseline, candidate);
      const cwd = await tempProject({
        [`cases/${names.catalogue}.yaml`]: catalogueCases(names),
        [`cases/${names.resource}.yaml`]: memberCases(names),
      });
      const run = await runCli(cwd, [
        'run',
        '--baseline',
        `a=${baseline.url}`,
        '--candidate',
        `b=${candidate.url}`,
        '--noise',
      ]);
      expect(run.code, run.stdout).toBe(1);
      const report = await latestReport(cwd);
      const rows = (report.rootCauses ?? []).map((r) => r.summary).sort();
      expect(rows).toEqual(
        [
          `/${names.catalogue}: candidate adds elements to the list \`/items\``,
          `/${names.catalogue}: value of \`/${names.price}\` differs`,
          `status 400 → 201 on POST /${names.resource} (baseline: \`invalid email\`)`,
          'array order at `items`',
        ].sort(),
      );
      const write = (report.rootCauses ?? []).find((r) => r.summary.startsWith('status'));
      expect(write?.consequences).toEqual([`${names.resource}/list-after`]);
      expect(write?.caseIds).toEqual([
        `${names.resource}/create-invalid`,
        `${names.resource}/list-after`,
      ]);
      const list = report.results.find((r) => r.caseId === `${names.catalogue}/list`);
      // The extra item is one addition; the common items compare with each other.
      expect(list?.changes?.map((c) => `${c.op} ${c.path}`)).toEqual([
        'added /items/2',
        `value /items/3/${names.price}`,
      ]);
      expect(run.stdout).toMatch(/2 cases \(1 as consequence\)/);
    },
  );
});
