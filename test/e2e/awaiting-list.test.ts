/**
 * A list awaiting evidence for its order is one row, on real servers: a flow
 * writes records, two without an id (each side draws a UUID for them: the
 * baseline's sort before the named record, the candidate's after it), then a
 * query answers each record's members but its id, in id order. Compared by
 * index, every member of every element differs; the list's order is one
 * question (a replica of the baseline settles it), so it is one row
 * awaiting evidence, not a row per member. Two fixtures, with other names
 * for the list and its members.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, sidesOf, tempProject } from '../helpers/cli.js';
import { trackerRows } from '../helpers/drawn-stores.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

/** A store whose `_bulk` draws a UUID for a record sent without `_id`, and whose `_find` answers `list`. */
function store(side: { readonly drawn: string; readonly list: string }): Promise<TestServer> {
  const records = new Map<string, Record<string, unknown>>();
  return startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.pathname === '/shop/_bulk') {
      const sent = (JSON.parse(body) as { records: Record<string, unknown>[] }).records;
      const out = sent.map(({ _id, ...record }) => {
        const id = typeof _id === 'string' ? _id : `${side.drawn}${randomUUID().slice(1)}`;
        records.set(id, record);
        return { ok: true, id };
      });
      return json(res, 201, out);
    }
    if (req.method === 'POST' && url.pathname === '/shop/_find') {
      const found = [...records.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([, r]) => r);
      return json(res, 200, { [side.list]: found });
    }
    return json(res, 404, { error: 'missing' });
  });
}

const cases = (records: string) => `suite: shop
sideEffects: true
cases:
  - id: write-and-find
    steps:
      - id: bulk
        request: { method: POST, path: /shop/_bulk, json: { records: ${records} } }
      - id: find
        request: { method: POST, path: /shop/_find, json: { selector: {} } }
`;

describe('a list awaiting evidence for its order', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    {
      list: 'docs',
      records:
        '[ { _id: b, item: tea, qty: 1 }, { item: coffee, qty: 2 }, { item: cocoa, qty: 3 } ]',
    },
    {
      list: 'entries',
      records:
        '[ { _id: b, title: Emma, year: 1815, shelf: a }, { title: Dune, year: 1965, shelf: b }, { title: Ubik, year: 1969, shelf: c } ]',
    },
  ])('/$list: one row awaiting evidence, not one per member', async ({ list, records }) => {
    const baseline = await store({ drawn: '0', list });
    const candidate = await store({ drawn: 'f', list });
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/shop.yaml': cases(records) });
    const run = await runCli(cwd, ['run', ...sidesOf(baseline, candidate)]);
    // Awaiting evidence only: no open decision, `--fail-on open` passes.
    expect(run.code, run.stdout).toBe(0);
    const report = await latestReport(cwd);
    const find = report.results.find((r) => r.caseId === 'shop/write-and-find/find');
    expect(find?.reordered, JSON.stringify(find)).toBeDefined();
    expect(find?.reordered?.[0]).toMatch(new RegExp(`^/${list} \\(the same elements`));
    expect(report.summary.rootCauses).toMatchObject({ open: 0, awaitingEvidence: 1 });
    expect(report.rootCauses?.map((c) => [c.summary, c.row?.status])).toEqual([
      [`array order at \`${list}\``, 'awaiting'],
    ]);
    const rows = await trackerRows(cwd);
    expect(rows, rows.join('\n')).toHaveLength(1);
    expect(rows[0]).toContain('| _awaiting_ |');
    expect(rows[0]).toContain('unsettled: the same elements in another order');
  });
});
