/**
 * Issue 43 forbids one failure above all: grouping that hides a decision
 * (two real decisions in one row). Rules 47, 48, 48b and 48c were written
 * for one API each; here each meets other APIs, with two real decisions its
 * joining conditions could read as one, and keeps them two rows:
 *
 * - 47: a number the refusal reports (`limit`, `max_bytes`) changed with
 *   the status and the words is a setting of its own, not a wording, and
 *   so is the name of what it refused, qualified otherwise (`email`
 *   against `user.email`);
 * - 48: a word renamed one for one (`open` → `opened`, `admin` →
 *   `administrator`) in the answers where a sibling is restructured is a
 *   state renamed beside another change, not a tag naming a variant;
 * - 48b: lists cut at their start on one endpoint (or query) and at their
 *   end on another stay two rows;
 * - 48c: a value written after its label (`Cache: OK` against `Disabled`,
 *   `mode = Sync` against `Async`) set alike on two pages is two settings;
 *   a line whose name and state both changed keeps its own row.
 *
 * Real servers on 127.0.0.1, two fixtures each with other names.
 */
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer } from '../helpers/http.js';

type Side = readonly [status: number, body: unknown];
/** Each request (a path, with one query parameter at most) → its baseline's and candidate's answers. */
type Answers = Record<string, readonly [Side, Side]>;
type Causes = Awaited<ReturnType<typeof rootCausesOfServers>>;

function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(body);
}

function serve(answers: Answers) {
  return (candidate: boolean) =>
    startServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const pair = answers[url.pathname + url.search];
      if (pair === undefined) return json(res, 404, { error: 'no such path' });
      const [status, body] = pair[candidate ? 1 : 0];
      return typeof body === 'string' ? text(res, status, body) : json(res, status, body);
    });
}

function cases(answers: Answers): string {
  const lines = Object.keys(answers).map((request, i) => {
    const [path, query] = request.split('?');
    const [name, value] = (query ?? '').split('=');
    const sent = query === undefined ? '' : `, query: { ${name}: "${value}" }`;
    return `  - id: c${i + 1}\n    request: { method: GET, path: ${path}${sent} }`;
  });
  return `suite: s\ncases:\n${lines.join('\n')}\n`;
}

const ok = (baseline: unknown, candidate: unknown): readonly [Side, Side] => [
  [200, baseline],
  [200, candidate],
];

/** Each row's cases, sorted, and the summaries for a failure's message. */
async function rowsOf(
  answers: Answers,
): Promise<{ rows: string[][]; causes: Causes; all: string }> {
  const causes = await rootCausesOfServers(cases(answers), serve(answers));
  const rows = causes.map((c) => [...c.caseIds].sort());
  return { rows, causes, all: JSON.stringify(causes.map((c) => [c.summary, c.caseIds])) };
}

const REPORTED_LIMITS: readonly { name: string; answers: Answers; member: string }[] = [
  {
    name: 'a batch API: 400 → 422, its `limit` lowered from 1000 to 500',
    member: '/limit',
    answers: {
      '/api/batch': [
        [400, { error: 'batch too large', limit: 1000 }],
        [422, { error: 'Batch exceeds the limit', limit: 500 }],
      ],
      '/api/import': [
        [400, { error: 'import too large', limit: 1000 }],
        [422, { error: 'Import exceeds the limit', limit: 500 }],
      ],
      '/api/name': [
        [400, { error: 'name required', limit: 0 }],
        [422, { error: 'Name is required', limit: 0 }],
      ],
    },
  },
  {
    name: 'an upload API: 400 → 413, its `max_bytes` halved',
    member: '/max_bytes',
    answers: {
      '/v3/files': [
        [400, { detail: 'body too big', max_bytes: 1048576 }],
        [413, { detail: 'Payload Too Large', max_bytes: 524288 }],
      ],
      '/v3/avatars': [
        [400, { detail: 'image too big', max_bytes: 1048576 }],
        [413, { detail: 'Image Too Large', max_bytes: 524288 }],
      ],
    },
  },
];

describe('rule 47 kept apart: a number the refusal reports is no wording', () => {
  it.each(REPORTED_LIMITS)('$name', async (f) => {
    const { rows, causes, all } = await rowsOf(f.answers);
    const everyCase = Object.keys(f.answers).map((_, i) => `s/c${i + 1}`);
    const reworded = causes.find((c) => c.summary.includes('where both refuse, worded anew'));
    expect([...(reworded?.caseIds ?? [])].sort(), all).toEqual(everyCase);
    expect(reworded?.summary, all).not.toContain(f.member);
    const limit = causes.find((c) => c !== reworded && c.summary.includes(f.member));
    expect([...(limit?.caseIds ?? [])].sort(), all).toEqual(['s/c1', 's/c2']);
    expect(rows, all).toHaveLength(2);
  });
});

const QUALIFIED_NAMES: readonly { name: string; answers: Answers; member: string }[] = [
  {
    name: 'a users API: 400 → 422, the `field` refused named with its parent',
    member: '/field',
    answers: {
      '/v1/users': [
        [400, { code: 'invalid', field: 'email', message: 'bad email' }],
        [422, { code: 'validation', field: 'user.email', message: 'email is invalid' }],
      ],
      '/v1/teams': [
        [400, { code: 'invalid', field: 'name', message: 'bad name' }],
        [422, { code: 'validation', field: 'team.name', message: 'name is invalid' }],
      ],
      '/v1/search': [
        [400, { code: 'invalid', field: 'q', message: 'bad query' }],
        [422, { code: 'validation', field: 'q', message: 'q is invalid' }],
      ],
    },
  },
  {
    name: 'an orders API: 400 → 409, its `pointer` under `/body`',
    member: '/error/pointer',
    answers: {
      '/orders/7': [
        [400, { error: { reason: 'stale', pointer: 'version' } }],
        [409, { error: { reason: 'Conflict on update', pointer: '/body/version' } }],
      ],
      '/carts/7': [
        [400, { error: { reason: 'stale cart', pointer: 'etag' } }],
        [409, { error: { reason: 'Cart changed meanwhile', pointer: '/body/etag' } }],
      ],
    },
  },
];

describe('rule 47 kept apart: the name a refusal reports, qualified otherwise, is no wording', () => {
  it.each(QUALIFIED_NAMES)('$name', async (f) => {
    const { rows, causes, all } = await rowsOf(f.answers);
    const everyCase = Object.keys(f.answers).map((_, i) => `s/c${i + 1}`);
    const reworded = causes.find((c) => c.summary.includes('where both refuse, worded anew'));
    expect([...(reworded?.caseIds ?? [])].sort(), all).toEqual(everyCase);
    expect(reworded?.summary, all).not.toContain(f.member);
    expect(rows.length, all).toBeGreaterThan(1);
    const named = causes.filter((c) => c !== reworded);
    for (const c of named) expect(c.caseIds, all).not.toContain(`s/c3`);
  });
});

const RENAMED_STATES: readonly { name: string; answers: Answers }[] = [
  {
    name: 'issues: `state` open → opened, `labels` names → records',
    answers: {
      '/issues/1': ok(
        { state: 'open', labels: ['bug'] },
        { state: 'opened', labels: [{ name: 'bug' }] },
      ),
      '/issues/2': ok(
        { state: 'open', labels: ['ui', 'p1'] },
        { state: 'opened', labels: [{ name: 'ui' }, { name: 'p1' }] },
      ),
    },
  },
  {
    name: 'users: one `role` admin → administrator, every `emails` a list',
    answers: {
      '/users': ok(
        {
          items: [
            { role: 'admin', emails: 'a@x.test' },
            { role: 'member', emails: 'b@x.test' },
          ],
        },
        {
          items: [
            { role: 'administrator', emails: ['a@x.test'] },
            { role: 'member', emails: ['b@x.test'] },
          ],
        },
      ),
    },
  },
];

describe('rule 48 kept apart: a word renamed one for one beside a restructure', () => {
  it.each(RENAMED_STATES)('$name', async (f) => {
    const { causes, all } = await rowsOf(f.answers);
    expect(causes, all).toHaveLength(2);
    expect(
      causes.filter((c) => c.summary.includes('value of')),
      all,
    ).toHaveLength(1);
  });
});

const CUT_LISTS: readonly { name: string; answers: Answers }[] = [
  {
    name: 'two endpoints: events after a mark from one later, a page one shorter',
    answers: {
      '/events/since': ok(
        { items: [{ n: 1 }, { n: 2 }, { n: 3 }] },
        { items: [{ n: 2 }, { n: 3 }] },
      ),
      '/events/page': ok(
        { items: [{ n: 4 }, { n: 5 }, { n: 6 }] },
        { items: [{ n: 4 }, { n: 5 }] },
      ),
    },
  },
  {
    name: 'one route, two parameters: `after` exclusive, `limit` one short',
    answers: {
      '/api/audit?after=3': ok(
        {
          entries: [
            [3, 'login'],
            [4, 'read'],
            [5, 'logout'],
          ],
        },
        {
          entries: [
            [4, 'read'],
            [5, 'logout'],
          ],
        },
      ),
      '/api/audit?limit=3': ok(
        {
          entries: [
            [1, 'login'],
            [2, 'read'],
            [3, 'write'],
          ],
        },
        {
          entries: [
            [1, 'login'],
            [2, 'read'],
          ],
        },
      ),
    },
  },
];

describe('rule 48b kept apart: a list cut at its start and one cut at its end', () => {
  it.each(CUT_LISTS)('$name', async (f) => {
    const { rows, causes, all } = await rowsOf(f.answers);
    expect(rows, all).toEqual(expect.arrayContaining([['s/c1'], ['s/c2']]));
    expect(causes, all).toHaveLength(2);
    for (const c of causes) expect(c.summary, all).toContain('lacks elements of the list');
  });
});

const LABELLED_TEXTS: readonly { name: string; answers: Answers; rows: string[][] }[] = [
  {
    name: 'health probes: `Cache: OK` and `Search: OK` both `Disabled`',
    answers: {
      '/healthz/cache': ok('Cache: OK\n', 'Cache: Disabled\n'),
      '/healthz/search': ok('Search: OK\n', 'Search: Disabled\n'),
    },
    rows: [['s/c1'], ['s/c2']],
  },
  {
    name: 'settings pages: `Replication mode = Sync` and `Fsync mode = Sync` both `Async`',
    answers: {
      '/status/replication': ok('Replication mode = Sync', 'Replication mode = Async'),
      '/status/fsync': ok('Fsync mode = Sync', 'Fsync mode = Async'),
    },
    rows: [['s/c1'], ['s/c2']],
  },
  {
    name: 'probes: a name changed alike, one of them its state too',
    answers: {
      '/-/healthy': ok('Acme is Healthy.', 'Bolt is Unhealthy.'),
      '/-/ready': ok('Acme is Ready.', 'Bolt is Ready.'),
      '/-/live': ok('Acme is Live.', 'Bolt is Live.'),
    },
    rows: [['s/c1'], ['s/c2', 's/c3']],
  },
];

describe('rule 48c kept apart: a value after its label, a state changed with the name', () => {
  it.each(LABELLED_TEXTS)('$name', async (f) => {
    const { rows, all } = await rowsOf(f.answers);
    expect(rows, all).toHaveLength(f.rows.length);
    expect(rows, all).toEqual(expect.arrayContaining(f.rows));
  });
});
