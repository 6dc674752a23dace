/**
 * Issue 43, tracker rule 54, adversarial: what a route family must not
 * join. A candidate whose DATA is missing, not its routes (records not
 * migrated), answers its own record reads `404` with one body, where the
 * baseline answers `200`: each collection's records are a decision of their
 * own, and no row may say the route is missing when that side served the
 * collection (a list, a create). A not-found body that names the resource
 * (`user 42 not found`, `order 97 not found`) keeps the two apart too, as
 * does one that names a slug alone (`not found: alice`: a handler's). A real
 * family of writes stays one row, and a later read of a record it did not
 * write keeps its own difference. Real servers; two fixtures per case with
 * other routes, sides and words.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, sidesOf, tempProject } from '../helpers/cli.js';
import type { TestServer } from '../helpers/http.js';
import {
  type Answer,
  jsonOf,
  routeCaseFile,
  routeServer,
  type Side,
  textOf,
} from '../helpers/route-answers.js';

interface Fixture {
  readonly name: string;
  /** `method path` → each side's answer; a request of no entry is the router's `404`. */
  readonly app: Readonly<Record<string, Partial<Record<Side, Answer>>>>;
  /** The router's answer to a path it has no route for (both sides). */
  readonly router: (method: string, path: string) => Answer;
  /** Case id → `method path`, all in one case file. */
  readonly cases: Readonly<Record<string, string>>;
  /** Groups of case ids: each group's answers are one decision, never in a row with another group's. */
  readonly decisions: readonly (readonly string[])[];
  /** The first decision is a real route family (its row says so); else no row may. */
  readonly family?: true;
}

const expressPage = (method: string, path: string): Answer => ({
  status: 404,
  type: 'text/html; charset=utf-8',
  body: `<!DOCTYPE html><html><body><pre>Cannot ${method} ${path}</pre></body></html>`,
});

/** A shop whose candidate was started on an empty database: users and orders not migrated (JSON). */
const SHOP_LISTED: Fixture = {
  name: 'records not migrated, collections listed (JSON shop, candidate empty)',
  router: expressPage,
  app: {
    'GET /users': { baseline: jsonOf(200, [{ id: 1 }, { id: 2 }]), candidate: jsonOf(200, []) },
    'GET /users/1': {
      baseline: jsonOf(200, { id: 1, name: 'Ada' }),
      candidate: jsonOf(404, { error: 'not found' }),
    },
    'GET /users/2': {
      baseline: jsonOf(200, { id: 2, name: 'Bo' }),
      candidate: jsonOf(404, { error: 'not found' }),
    },
    'GET /orders': { baseline: jsonOf(200, [{ id: 7 }]), candidate: jsonOf(200, []) },
    'GET /orders/7': {
      baseline: jsonOf(200, { id: 7, total: 12 }),
      candidate: jsonOf(404, { error: 'not found' }),
    },
  },
  cases: {
    users: 'GET /users',
    'user-1': 'GET /users/1',
    'user-2': 'GET /users/2',
    orders: 'GET /orders',
    'order-7': 'GET /orders/7',
  },
  decisions: [['user-1', 'user-2'], ['order-7']],
};

/** A catalogue whose baseline lost its records; its creates work (plain text, baseline empty). */
const CATALOGUE_CREATED: Fixture = {
  name: 'records not migrated, collections written (plain-text catalogue, baseline empty)',
  router: () => textOf(404, 'Not Found'),
  app: {
    'POST /books': { baseline: textOf(201, 'created'), candidate: textOf(201, 'created') },
    'GET /books/101': { baseline: textOf(404, 'no such record'), candidate: textOf(200, 'Dune') },
    'POST /authors': { baseline: textOf(201, 'created'), candidate: textOf(201, 'created') },
    'GET /authors/55': {
      baseline: textOf(404, 'no such record'),
      candidate: textOf(200, 'Herbert'),
    },
    'GET /authors/56': {
      baseline: textOf(404, 'no such record'),
      candidate: textOf(200, 'Le Guin'),
    },
  },
  cases: {
    'add-book': 'POST /books',
    'book-101': 'GET /books/101',
    'add-author': 'POST /authors',
    'author-55': 'GET /authors/55',
    'author-56': 'GET /authors/56',
  },
  decisions: [['book-101'], ['author-55', 'author-56']],
};

/** Not-found bodies that name the resource and its id (JSON): the words keep them apart. */
const NAMED_JSON: Fixture = {
  name: 'a not-found body names the resource (JSON: user 42, order 97)',
  router: expressPage,
  app: {
    'GET /users/42': {
      baseline: jsonOf(200, { id: 42 }),
      candidate: jsonOf(404, { error: 'user 42 not found' }),
    },
    'GET /orders/97': {
      baseline: jsonOf(200, { id: 97 }),
      candidate: jsonOf(404, { error: 'order 97 not found' }),
    },
  },
  cases: { 'user-42': 'GET /users/42', 'order-97': 'GET /orders/97' },
  decisions: [['user-42'], ['order-97']],
};

/** The same in plain text, the baseline the empty side: `no invoice INV-2031`, `no customer C-88`. */
const NAMED_TEXT: Fixture = {
  name: 'a not-found body names the resource (text: invoice, customer)',
  router: () => textOf(404, 'Not Found'),
  app: {
    'GET /invoices/INV-2031': {
      baseline: textOf(404, 'no invoice INV-2031'),
      candidate: textOf(200, 'INV-2031 paid'),
    },
    'GET /customers/C-88': {
      baseline: textOf(404, 'no customer C-88'),
      candidate: textOf(200, 'C-88 Acme'),
    },
  },
  cases: { invoice: 'GET /invoices/INV-2031', customer: 'GET /customers/C-88' },
  decisions: [['invoice'], ['customer']],
};

/**
 * Records not migrated, no collection read, but a missing id asked too and
 * answered alike by both sides (the baseline's own handler's `404`): the
 * candidate's `404` to the others is that handler's answer (JSON).
 */
const SHOP_MISSING_ID: Fixture = {
  name: 'records not migrated, a missing id answered alike (JSON shop, candidate empty)',
  router: expressPage,
  app: {
    'GET /users/1': {
      baseline: jsonOf(200, { id: 1, name: 'Ada' }),
      candidate: jsonOf(404, { error: 'not found' }),
    },
    'GET /users/999': {
      baseline: jsonOf(404, { error: 'not found' }),
      candidate: jsonOf(404, { error: 'not found' }),
    },
    'GET /orders/7': {
      baseline: jsonOf(200, { id: 7, total: 12 }),
      candidate: jsonOf(404, { error: 'not found' }),
    },
    'GET /orders/999': {
      baseline: jsonOf(404, { error: 'not found' }),
      candidate: jsonOf(404, { error: 'not found' }),
    },
  },
  cases: {
    'user-1': 'GET /users/1',
    'user-999': 'GET /users/999',
    'order-7': 'GET /orders/7',
    'order-999': 'GET /orders/999',
  },
  decisions: [['user-1'], ['order-7']],
};

/** The same in plain text, the baseline the empty side, slugs for ids. */
const WIKI_MISSING_ID: Fixture = {
  name: 'records not migrated, a missing slug answered alike (text wiki, baseline empty)',
  router: () => textOf(404, 'Not Found'),
  app: {
    'GET /pages/0a8f3c2e-1111-4b7a-9c1d-2f3e4a5b6c7d': {
      baseline: textOf(404, 'no such page'),
      candidate: textOf(200, 'Home'),
    },
    'GET /pages/0a8f3c2e-2222-4b7a-9c1d-2f3e4a5b6c7d': {
      baseline: textOf(404, 'no such page'),
      candidate: textOf(404, 'no such page'),
    },
    'GET /attachments/0a8f3c2e-3333-4b7a-9c1d-2f3e4a5b6c7d': {
      baseline: textOf(404, 'no such page'),
      candidate: textOf(200, 'logo.png'),
    },
    'GET /attachments/0a8f3c2e-4444-4b7a-9c1d-2f3e4a5b6c7d': {
      baseline: textOf(404, 'no such page'),
      candidate: textOf(404, 'no such page'),
    },
  },
  cases: {
    page: 'GET /pages/0a8f3c2e-1111-4b7a-9c1d-2f3e4a5b6c7d',
    'page-gone': 'GET /pages/0a8f3c2e-2222-4b7a-9c1d-2f3e4a5b6c7d',
    attachment: 'GET /attachments/0a8f3c2e-3333-4b7a-9c1d-2f3e4a5b6c7d',
    'attachment-gone': 'GET /attachments/0a8f3c2e-4444-4b7a-9c1d-2f3e4a5b6c7d',
  },
  decisions: [['page'], ['attachment']],
};

/**
 * Records named by slugs (no `:id` template), not migrated, the app's `404`
 * naming the record alone (`not found: alice`): a handler read the path's
 * segment, no router page does (JSON, candidate empty).
 */
const SLUGS_ECHOED: Fixture = {
  name: 'records by slug not migrated, the 404 names the slug (JSON, candidate empty)',
  router: expressPage,
  app: {
    'GET /users/alice': {
      baseline: jsonOf(200, { login: 'alice' }),
      candidate: jsonOf(404, { error: 'not found: alice' }),
    },
    'GET /orders/ord-77': {
      baseline: jsonOf(200, { ref: 'ord-77' }),
      candidate: jsonOf(404, { error: 'not found: ord-77' }),
    },
  },
  cases: { alice: 'GET /users/alice', 'ord-77': 'GET /orders/ord-77' },
  decisions: [['alice'], ['ord-77']],
};

/** The same in plain text, the baseline the empty side: `no such page "Home" here`. */
const PAGES_ECHOED: Fixture = {
  name: 'records by name not migrated, the 404 names it (text wiki, baseline empty)',
  router: () => textOf(404, 'Not Found'),
  app: {
    'GET /wiki/Home': {
      baseline: textOf(404, 'no such page "Home" here'),
      candidate: textOf(200, 'Home'),
    },
    'GET /media/logo.png': {
      baseline: textOf(404, 'no such page "logo.png" here'),
      candidate: textOf(200, 'PNG'),
    },
  },
  cases: { home: 'GET /wiki/Home', logo: 'GET /media/logo.png' },
  decisions: [['home'], ['logo']],
};

/**
 * A family of writes the candidate lacks (`POST …/archive`, `POST …/pin`
 * answered by its router), then a read of ANOTHER project whose own member
 * differs (a date format): the writes' consequences never take it (JSON).
 */
const WRITES_THEN_OTHER_READ: Fixture = {
  name: 'a family of writes, then an unwritten record read with a difference of its own',
  router: expressPage,
  app: {
    'POST /projects/p1/archive': { baseline: jsonOf(200, { archived: true }) },
    'POST /projects/p1/pin': { baseline: jsonOf(200, { pinned: true }) },
    'GET /projects/p2': {
      baseline: jsonOf(200, { slug: 'p2', created: '2024-01-05' }),
      candidate: jsonOf(200, { slug: 'p2', created: '05/01/2024' }),
    },
  },
  cases: {
    archive: 'POST /projects/p1/archive',
    pin: 'POST /projects/p1/pin',
    other: 'GET /projects/p2',
  },
  decisions: [['archive', 'pin'], ['other']],
  family: true,
};

/** The same with other names, the baseline lacking: `PUT …/lock`, `PUT …/star`, another file's read. */
const LOCKS_THEN_OTHER_READ: Fixture = {
  name: 'a family of locks the baseline lacks, then an unlocked file read with a difference of its own',
  router: () => textOf(404, 'Not Found'),
  app: {
    'PUT /files/readme/lock': { candidate: textOf(204, '') },
    'PUT /files/readme/star': { candidate: textOf(204, '') },
    'GET /files/notes': {
      baseline: jsonOf(200, { name: 'notes', size: '12' }),
      candidate: jsonOf(200, { name: 'notes', size: 12 }),
    },
  },
  cases: {
    lock: 'PUT /files/readme/lock',
    star: 'PUT /files/readme/star',
    notes: 'GET /files/notes',
  },
  decisions: [['lock', 'star'], ['notes']],
  family: true,
};

function server(f: Fixture, side: Side): Promise<TestServer> {
  return routeServer(
    (method, path) => f.app[`${method} ${path}`]?.[side] ?? f.router(method, path),
  );
}

function caseFile(cases: Readonly<Record<string, string>>): string {
  return routeCaseFile('api', cases);
}

describe('rule 54 kept apart: a record missing is no route missing', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    SHOP_LISTED,
    CATALOGUE_CREATED,
    SHOP_MISSING_ID,
    WIKI_MISSING_ID,
    SLUGS_ECHOED,
    PAGES_ECHOED,
    NAMED_JSON,
    NAMED_TEXT,
    WRITES_THEN_OTHER_READ,
    LOCKS_THEN_OTHER_READ,
  ])('$name', async (f) => {
    const baseline = await server(f, 'baseline');
    const candidate = await server(f, 'candidate');
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/api.yaml': caseFile(f.cases) });
    const run = await runCli(cwd, ['run', 'cases', ...sidesOf(baseline, candidate)]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const causes = ((await latestReport(cwd)).rootCauses ?? []).filter((c) => c.caseIds.length > 0);
    const all = JSON.stringify(
      causes.map((c) => [c.summary, c.caseIds]),
      null,
      1,
    );
    const ids = (c: (typeof causes)[number]) => c.caseIds.map((id) => id.replace(/^api\//, ''));
    // No row claims a route is missing where each side served every route; a real family's does.
    const routeless = causes.filter((c) => /has no route/.test(c.summary));
    const sorted = (list: readonly string[] = []) => [...list].sort();
    expect(
      routeless.map((c) => sorted(ids(c))),
      all,
    ).toEqual(f.family === true ? [sorted(f.decisions[0])] : []);
    // Each decision's cases are in rows of their own: no row holds two decisions' cases.
    for (const cause of causes) {
      const holds = f.decisions.filter((d) => d.some((one) => ids(cause).includes(one)));
      expect(holds.length, all).toBeLessThanOrEqual(1);
    }
    for (const decision of f.decisions) {
      for (const one of decision) {
        expect(
          causes.some((c) => ids(c).includes(one)),
          `${one}\n${all}`,
        ).toBe(true);
      }
    }
  });
});
