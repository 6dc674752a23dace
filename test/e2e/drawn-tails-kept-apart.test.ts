/**
 * Tracker rule 50b, adversarial cases on real servers: a sent name's slug
 * with a short suffix that is a **choice**, not a draw, in the answer to the
 * first write of that name. A page CMS whose default locale changed
 * (`welcome-en` against `welcome-de`) and a billing service whose default
 * currency changed (`acme_corp_usd` against `acme_corp_eur`) read as
 * `<head><sep><tail>` with tails of one length and case, as lhci's drawn
 * letter does; but no record held the bare name first, so nothing was made
 * unique. Kept apart: the suffix keeps its row where written (and where
 * listed), never masked as each side's draw.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly member: string;
  /** Each side's suffix, baseline then candidate. */
  readonly suffixes: readonly [string, string];
  readonly sep: string;
  readonly create: string;
  readonly list: string;
  readonly created: (method: string, url: URL, body: string) => string | undefined;
  readonly lists: (method: string, url: URL) => boolean;
}

const FIXTURES: readonly Fixture[] = [
  {
    name: 'a page CMS whose default locale changed',
    member: 'slug',
    suffixes: ['en', 'de'],
    sep: '-',
    create: 'request: { method: POST, path: /api/pages, json: { title: Welcome } }',
    list: 'request: { method: GET, path: /api/pages }',
    created: (method, url, body) =>
      method === 'POST' && url.pathname === '/api/pages'
        ? String((JSON.parse(body) as { title: string }).title)
        : undefined,
    lists: (method, url) => method === 'GET' && url.pathname === '/api/pages',
  },
  {
    name: 'a billing service whose default currency changed',
    member: 'ref',
    suffixes: ['usd', 'eur'],
    sep: '_',
    create: 'request: { method: POST, path: /billing/accounts, query: { customer: Acme Corp } }',
    list: 'request: { method: GET, path: /billing/accounts }',
    created: (method, url) =>
      method === 'POST' && url.pathname === '/billing/accounts'
        ? (url.searchParams.get('customer') ?? undefined)
        : undefined,
    lists: (method, url) => method === 'GET' && url.pathname === '/billing/accounts',
  },
];

function server(f: Fixture, side: 0 | 1): Promise<TestServer> {
  const records: Record<string, unknown>[] = [];
  return startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const title = f.created(req.method ?? 'GET', url, body);
    if (title !== undefined) {
      const base = title.toLowerCase().split(/\s+/).join(f.sep);
      const record = {
        n: records.length + 1,
        title,
        [f.member]: `${base}${f.sep}${f.suffixes[side]}`,
      };
      records.push(record);
      return json(res, 201, record);
    }
    if (f.lists(req.method ?? 'GET', url)) return json(res, 200, records);
    return json(res, 404, { error: 'missing' });
  });
}

describe('rule 50b kept apart: a suffix chosen, not drawn, on a name no record held', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each(FIXTURES)('$name keeps its row', async (f) => {
    const a = await server(f, 0);
    const b = await server(f, 1);
    started.push(a, b);
    const text = `suite: s\nserial: true\nsideEffects: true\ncases:\n  - id: create\n    ${f.create}\n  - id: list\n    ${f.list}\n`;
    const cwd = await tempProject({ 'cases/s.yaml': text });
    const out = await runPair(cwd, `a=${a.url}`, `b=${b.url}`);
    expect(out.code, out.stdout + out.stderr).toBe(1);
    const report = await latestReport(cwd);
    const create = report.results.find((r) => r.caseId === 's/create');
    expect(create?.verdict).toBe('divergent');
    expect(create?.changes?.map((c) => c.path)).toContain(`/${f.member}`);
    expect((create?.generated ?? []).filter((g) => g.includes('a slug of'))).toEqual([]);
    const causes = (report.rootCauses ?? []).filter((c) => c.caseIds.includes('s/create'));
    expect(causes.length).toBeGreaterThan(0);
  });
});
