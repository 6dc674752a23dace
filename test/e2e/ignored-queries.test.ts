/**
 * Issue 43, tracker rule 31, with real servers: one side answers a list
 * endpoint the very same list whatever the query (it reads none of its
 * parameters), the other filters it by each: the reads that differ in
 * their query alone are one row, naming the side, the endpoint and every
 * parameter set. Planted beside it and kept apart: a list both sides read
 * each its own way (a page size and a repeated filter: two rows), one read
 * alone on each of two endpoints, a query that changes a member and a value
 * (no list), and options in a POST's JSON body (no query). Two fixtures of
 * other names, parameters and sides; a tracker written before keeps no
 * open row per parameter beside the new one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, sidesOf, tempProject } from '../helpers/cli.js';
import { decidedRerun } from '../helpers/decided-rerun.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  /** The side that ignores the list's query parameters. */
  readonly ignoring: 'baseline' | 'candidate';
  /** The list endpoint, its records' member the equality filter reads, and its parameters. */
  readonly list: string;
  readonly field: string;
  readonly search: string;
  readonly equals: string;
  /** A second parameter set a read sends with the search (`''` for none). */
  readonly extra: string;
  /** A list both sides read, each its own way: its page size and its repeated filter. */
  readonly paged: string;
  readonly size: string;
  readonly tag: string;
  /** Two endpoints read once each with a query. */
  readonly lone: readonly [string, string];
  /** An object endpoint whose query changes a member and a value on the reading side. */
  readonly object: string;
  /** A POST whose JSON body holds the options. */
  readonly post: string;
}

const FIRST: Fixture = {
  name: 'a task list that 2.x does not filter',
  ignoring: 'baseline',
  list: '/api/v1/tasks',
  field: 'assignee',
  search: 'search',
  equals: 'assignee_eq',
  extra: '',
  paged: '/api/v1/archive',
  size: 'limit',
  tag: 'tag',
  lone: ['/api/v1/notes', '/api/v1/labels'],
  object: '/api/v1/profile',
  post: '/api/v1/query',
};
const SECOND: Fixture = {
  name: 'a people directory whose rewrite ignores the query',
  ignoring: 'candidate',
  list: '/directory/people',
  field: 'team',
  search: 'q',
  equals: 'team_in',
  extra: 'max',
  paged: '/directory/rooms',
  size: 'per_page',
  tag: 'floor',
  lone: ['/directory/desks', '/directory/printers'],
  object: '/directory/settings',
  post: '/directory/find',
};

const RECORDS = [
  { id: 1, title: 'Write the release notes', owner: 'ada', marks: ['a', 'b'] },
  { id: 2, title: 'Review the parser', owner: 'grace', marks: ['a'] },
  { id: 3, title: 'Rotate the keys', owner: 'ada', marks: ['c'] },
  { id: 4, title: 'Plan the release party', owner: 'linus', marks: ['b'] },
];

function recordsOf(f: Fixture) {
  return RECORDS.map(({ id, title, owner, marks }) => ({ id, title, [f.field]: owner, marks }));
}

/** The list filtered as the reading side reads the query: search, equality, a size. */
function filtered(f: Fixture, query: URLSearchParams) {
  const words = query.get(f.search);
  const equal = query.get(f.equals);
  const max = f.extra === '' ? null : query.get(f.extra);
  const kept = recordsOf(f).filter(
    (r) => (words === null || r.title.includes(words)) && (equal === null || r[f.field] === equal),
  );
  return max === null ? kept : kept.slice(0, Number(max));
}

function server(f: Fixture, reads: boolean): Promise<TestServer> {
  return startServer((req, res, text) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    if (path === f.list)
      return json(res, 200, reads ? filtered(f, url.searchParams) : recordsOf(f));
    if (path === f.paged) {
      // Both sides read these, each its own way: the ignoring side's bodies differ too.
      const raw = url.searchParams.get(f.size);
      let size = raw === null ? 10 : Number(raw);
      if (!reads && size === 0) size = 10;
      const marks = url.searchParams.getAll(f.tag);
      const used = reads ? marks : marks.slice(0, 1);
      return json(
        res,
        200,
        recordsOf(f)
          .filter((r) => used.every((m) => r.marks.includes(m)))
          .slice(0, size),
      );
    }
    if (f.lone.includes(path)) {
      return json(res, 200, reads ? filtered(f, url.searchParams) : recordsOf(f));
    }
    if (path === f.object) {
      const body: Record<string, unknown> = { name: 'ada', greeting: 'hello' };
      if (reads && url.searchParams.has('fields')) body.email = 'ada@example.test';
      if (reads && url.searchParams.get('locale') === 'fr') body.greeting = 'bonjour';
      return json(res, 200, body);
    }
    if (path === f.post && req.method === 'POST') {
      const options = JSON.parse(text || '{}') as { limit?: number; owner?: string };
      const all = recordsOf(f);
      if (!reads) return json(res, 200, all);
      const kept =
        options.owner === undefined ? all : all.filter((r) => r[f.field] === options.owner);
      return json(res, 200, kept.slice(0, options.limit ?? 10));
    }
    return json(res, 404, { missing: path });
  });
}

const read = (id: string, path: string, query: Record<string, string | string[]>) =>
  `  - id: ${id}\n    request: { method: GET, path: ${path}, query: ${JSON.stringify(query)} }`;

function cases(f: Fixture, first = false): string {
  const one = [read('list-search', f.list, { [f.search]: 'release' })];
  if (first) return `suite: s\ncases:\n${one.join('\n')}\n`;
  const searchWith =
    f.extra === '' ? { [f.search]: 'Review' } : { [f.search]: 'the', [f.extra]: '2' };
  const all = [
    ...one,
    read('list-equals', f.list, { [f.equals]: 'ada' }),
    read('list-search-more', f.list, searchWith),
    read('list-plain', f.list, {}),
    read('paged-none', f.paged, { [f.size]: '0' }),
    read('paged-marks', f.paged, { [f.tag]: ['a', 'b'] }),
    read('lone-first', f.lone[0], { [f.search]: 'release' }),
    read('lone-second', f.lone[1], { [f.equals]: 'grace' }),
    read('object-fields', f.object, { fields: 'email' }),
    read('object-locale', f.object, { locale: 'fr' }),
    `  - id: post-limit\n    request: { method: POST, path: ${f.post}, json: { limit: 1 } }`,
    `  - id: post-owner\n    request: { method: POST, path: ${f.post}, json: { owner: ada } }`,
  ];
  return `suite: s\ncases:\n${all.join('\n')}\n`;
}

describe('reads one side answers alike whatever the query are one row', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([FIRST, SECOND])('$name', async (f) => {
    const baseline = await server(f, f.ignoring !== 'baseline');
    const candidate = await server(f, f.ignoring !== 'candidate');
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/s.yaml': cases(f, true) });
    // A first run of one read alone: its list is keyed by its parameters, a row of its own.
    const first = await runCli(cwd, ['run', ...sidesOf(baseline, candidate)]);
    expect(first.code, first.stdout + first.stderr).toBe(1);
    const { causes, all, line } = await decidedRerun(
      cwd,
      ['run', ...sidesOf(baseline, candidate)],
      {
        row: new RegExp(
          `^\\| (PAR-\\d+) \\| _open_ \\| shape \\| .*\\?${f.search}: .*\\| \\|$`,
          'm',
        ),
        decision: 'we filter on the server',
        library: { 'cases/s.yaml': cases(f) },
      },
    );
    const holding = (id: string) => causes.filter((c) => c.caseIds.includes(`s/${id}`));
    const sets = [f.equals, f.search, f.extra === '' ? '' : [f.extra, f.search].sort().join('&')]
      .filter((one) => one !== '')
      .sort()
      .map((one) => `\`?${one}\``)
      .join(', ');
    const [joined] = holding('list-search');
    expect(joined?.summary, all).toBe(
      `GET ${f.list}: ${f.ignoring} answers the same list whatever the query (${sets})`,
    );
    expect(joined?.caseIds, all).toEqual(['s/list-search', 's/list-equals', 's/list-search-more']);
    // Kept apart: a list both sides read their own way is two rows, each its own read.
    expect(
      ['paged-none', 'paged-marks'].map((id) => holding(id).map((c) => c.caseIds)),
      all,
    ).toEqual([[['s/paged-none']], [['s/paged-marks']]]);
    // One read on each of two endpoints: each its own row.
    expect(
      ['lone-first', 'lone-second'].map((id) => holding(id).map((c) => c.caseIds)),
      all,
    ).toEqual([[['s/lone-first']], [['s/lone-second']]]);
    // A member and a value under a query, and options in a POST's body: never this rule's row.
    for (const id of ['object-fields', 'object-locale', 'post-limit', 'post-owner']) {
      expect(holding(id).length, all).toBeGreaterThan(0);
      expect(
        holding(id).some((c) => c.summary.includes('whatever the query')),
        all,
      ).toBe(false);
    }

    // The row the first run opened is superseded by the new one, its Decision kept.
    expect(line, all).toMatch(
      /\| _superseded_ \| shape \|.*superseded by PAR-\d+ · .*\| we filter on the server \|$/,
    );
  });
});
