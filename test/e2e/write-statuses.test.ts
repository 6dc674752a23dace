/**
 * Issue 43, tracker rule 60, with real servers: one side's one success
 * status to every write is one row. A notes API whose rewrite answers `PUT`,
 * `PATCH` and `DELETE` all `204` where the old one answered `200`, `200`,
 * `202`; a settings API whose rewrite answers every write `200` where the
 * old one answered `201` to a `POST` and `204` to a `PUT` and a `DELETE`
 * (a member the rewrite adds to its answer keeps its own row). Kept apart:
 * a read whose status changes, a write one side refused, a `201 → 200` on
 * creation alone where `PUT` and `DELETE` agree (its own row), a replace
 * answered `201` against `204` by a side that answers creations `201`
 * itself (whether it created something), and write statuses that vary on
 * both sides (a row per method). A tracker written before keeps no open
 * row of the write's own status beside the joined one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, sidesOf, tempProject } from '../helpers/cli.js';
import { decidedRerun } from '../helpers/decided-rerun.js';
import type { TestServer } from '../helpers/http.js';
import {
  type Answer,
  jsonOf,
  routeCaseFile,
  routeServer,
  type Side,
} from '../helpers/route-answers.js';

const empty = (status: number): Answer => ({ status, type: 'text/plain', body: '' });

interface Fixture {
  readonly name: string;
  readonly suite: string;
  /** `method path` → each side's answer. */
  readonly app: Readonly<Record<string, Record<Side, Answer>>>;
  /** Case id → `method path`. */
  readonly cases: Readonly<Record<string, string>>;
  /** The case ids of the joined row (none where the fixture joins nothing), its summary's start. */
  readonly joined: readonly string[];
  readonly summary?: RegExp;
  /** Status rows kept apart: the case ids of each. */
  readonly apart: readonly (readonly string[])[];
}

const NOTES: Fixture = {
  name: 'notes: the rewrite answers PUT, PATCH and DELETE 204 (was 200, 200, 202)',
  suite: 'notes',
  app: {
    'PUT /notes/1': { baseline: empty(200), candidate: empty(204) },
    'PATCH /notes/1': { baseline: empty(200), candidate: empty(204) },
    'DELETE /notes/2': { baseline: empty(202), candidate: empty(204) },
    'PUT /notebooks/7': { baseline: empty(200), candidate: empty(204) },
    'GET /notes/1': { baseline: jsonOf(200, { id: 1 }), candidate: jsonOf(203, { id: 1 }) },
    'POST /notes/3/lock': { baseline: empty(200), candidate: jsonOf(423, { error: 'locked' }) },
  },
  cases: {
    replace: 'PUT /notes/1',
    edit: 'PATCH /notes/1',
    remove: 'DELETE /notes/2',
    'replace-book': 'PUT /notebooks/7',
    read: 'GET /notes/1',
    lock: 'POST /notes/3/lock',
  },
  joined: ['notes/replace', 'notes/edit', 'notes/remove', 'notes/replace-book'],
  summary: /^candidate answers every write 204 \(baseline: DELETE 202, PATCH 200, PUT 200\)/,
  apart: [['notes/read'], ['notes/lock']],
};

const SETTINGS: Fixture = {
  name: 'settings: the rewrite answers every write 200 (was 201 for POST, 204 for PUT and DELETE)',
  suite: 'settings',
  app: {
    'POST /v2/flags': {
      baseline: jsonOf(201, { key: 'dark', on: true }),
      candidate: jsonOf(200, { key: 'dark', on: true, revision: 1 }),
    },
    'PUT /v2/flags/dark': { baseline: empty(204), candidate: jsonOf(200, { key: 'dark' }) },
    'DELETE /v2/flags/dark': { baseline: empty(204), candidate: jsonOf(200, { key: 'dark' }) },
    'HEAD /v2/flags': { baseline: empty(200), candidate: empty(204) },
    'DELETE /v2/locks/1': { baseline: empty(204), candidate: jsonOf(409, { error: 'held' }) },
  },
  cases: {
    create: 'POST /v2/flags',
    set: 'PUT /v2/flags/dark',
    unset: 'DELETE /v2/flags/dark',
    probe: 'HEAD /v2/flags',
    unlock: 'DELETE /v2/locks/1',
  },
  joined: ['settings/create', 'settings/set', 'settings/unset'],
  summary: /^candidate answers every write 200 \(baseline: DELETE 204, POST 201, PUT 204\)/,
  apart: [['settings/probe'], ['settings/unlock']],
};

/** Kept apart: a `201 → 200` on creation alone, `PUT` and `DELETE` equal: rule 4's row by method. */
const CREATION: Fixture = {
  name: 'kept apart: 201 → 200 on creation alone, PUT and DELETE equal',
  suite: 'tags',
  app: {
    'POST /tags': { baseline: jsonOf(201, { tag: 'a' }), candidate: jsonOf(200, { tag: 'a' }) },
    'POST /labels': {
      baseline: jsonOf(201, { label: 'b' }),
      candidate: jsonOf(200, { label: 'b' }),
    },
    'PUT /tags/1': { baseline: empty(200), candidate: empty(200) },
    'DELETE /tags/1': { baseline: empty(204), candidate: empty(204) },
    'PATCH /colours/1': { baseline: empty(200), candidate: empty(204) },
  },
  cases: {
    tag: 'POST /tags',
    label: 'POST /labels',
    rename: 'PUT /tags/1',
    drop: 'DELETE /tags/1',
    tint: 'PATCH /colours/1',
  },
  joined: [],
  apart: [['tags/tag', 'tags/label'], ['tags/tint']],
};

/**
 * Kept apart: a replacing `PUT` the baseline answers `201` and the candidate,
 * which answers a creation `201` itself, `204`: whether it created something,
 * a decision of its own; its `DELETE`s alone are one method's row.
 */
const REPLACE: Fixture = {
  name: 'kept apart: 201 against 204 on a replace, where the candidate answers creations 201',
  suite: 'agenda',
  app: {
    'PUT /agenda/new.ics': { baseline: empty(201), candidate: empty(201) },
    'PUT /agenda/old.ics': { baseline: empty(201), candidate: empty(204) },
    'DELETE /agenda/old.ics': { baseline: empty(200), candidate: empty(204) },
    'DELETE /agenda/': { baseline: empty(200), candidate: empty(204) },
  },
  cases: {
    replace: 'PUT /agenda/old.ics',
    create: 'PUT /agenda/new.ics',
    'drop-event': 'DELETE /agenda/old.ics',
    'drop-agenda': 'DELETE /agenda/',
  },
  joined: [],
  apart: [['agenda/replace'], ['agenda/drop-event', 'agenda/drop-agenda']],
};

/** Kept apart: write statuses that vary on both sides: no one status, a row per method. */
const VARYING: Fixture = {
  name: 'kept apart: write statuses that vary on both sides',
  suite: 'jobs',
  app: {
    'PUT /jobs/1': { baseline: empty(200), candidate: empty(204) },
    'PATCH /jobs/1': { baseline: empty(202), candidate: empty(200) },
    'DELETE /jobs/1': { baseline: empty(204), candidate: empty(202) },
  },
  cases: { put: 'PUT /jobs/1', patch: 'PATCH /jobs/1', cancel: 'DELETE /jobs/1' },
  joined: [],
  apart: [['jobs/put'], ['jobs/patch'], ['jobs/cancel']],
};

function server(f: Fixture, side: Side): Promise<TestServer> {
  return routeServer((method, path) => f.app[`${method} ${path}`]?.[side] ?? empty(404));
}

describe('one side answering every write one status is one row', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([NOTES, SETTINGS, CREATION, REPLACE, VARYING])('$name', async (f) => {
    const baseline = await server(f, 'baseline');
    const candidate = await server(f, 'candidate');
    started.push(baseline, candidate);
    const [firstId = '', firstEndpoint = ''] = Object.entries(f.cases)[0] ?? [];
    // A first run of one write alone: its endpoint's status row, as before rule 60.
    const cwd = await tempProject({
      [`cases/${f.suite}.yaml`]: routeCaseFile(f.suite, { [firstId]: firstEndpoint }),
    });
    const first = await runCli(cwd, ['run', 'cases', ...sidesOf(baseline, candidate)]);
    expect(first.code, first.stdout + first.stderr).toBe(1);
    const { causes, all, after, id } = await decidedRerun(
      cwd,
      ['run', 'cases', ...sidesOf(baseline, candidate)],
      {
        row: /^\| (PAR-\d+) \| _open_ \| status \| .*\| \|$/m,
        decision: 'keep the one status',
        library: { [`cases/${f.suite}.yaml`]: routeCaseFile(f.suite, f.cases) },
      },
    );
    const statusRows = (one: string) =>
      causes.filter((c) => c.caseIds.includes(one) && c.fingerprint.startsWith('status-'));
    if (f.joined.length > 0) {
      const [row] = statusRows(f.joined[0] ?? '');
      expect([...(row?.caseIds ?? [])].sort(), all).toEqual([...f.joined].sort());
      expect(row?.summary, all).toMatch(f.summary ?? /./);
      for (const one of f.joined) expect(statusRows(one), all).toHaveLength(1);
      // The first run's row is superseded by the joined one, its Decision carried.
      const line = after.split('\n').find((l) => l.startsWith(`| ${id} |`));
      expect(line, after).toMatch(
        /\| _superseded_ \| status \|.*superseded by PAR-\d+ · .*\| keep the one status \|$/,
      );
    }
    // Kept apart: each its own status row, and no row of one write status for every write.
    for (const group of f.apart) {
      const rows = statusRows(group[0] ?? '');
      expect(rows, `${group[0]}\n${all}`).toHaveLength(1);
      expect([...(rows[0]?.caseIds ?? [])].sort(), all).toEqual([...group].sort());
    }
    const every = causes.filter((c) => c.summary.includes('answers every write'));
    expect(every, all).toHaveLength(f.joined.length > 0 ? 1 : 0);
    // The settings rewrite's own member keeps a row of its own beside the joined status.
    if (f === SETTINGS) {
      expect(
        causes.some((c) => c.summary.includes('`/revision`')),
        all,
      ).toBe(true);
    }
  });
});
