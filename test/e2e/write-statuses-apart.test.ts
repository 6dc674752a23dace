/**
 * Rule 60, an adversarial review (issue 43: grouping must never hide a
 * decision), with real servers. A candidate whose framework answers every
 * write `200` with the record, against a baseline whose handlers answer by
 * method, one of which says more than "done": a deletion queued (`202
 * Accepted` with the job that will do it) or a batch done in parts (`207
 * Multi-Status` with each item's outcome). The status joins the framework's
 * row (the candidate's one answer to every write), but what the queued or
 * partial answer says keeps a row of its own: its body (the job, the
 * outcomes) against the candidate's record is no body a `204` defines.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfPair } from '../helpers/cli.js';
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
  readonly app: Readonly<Record<string, Record<Side, Answer>>>;
  readonly cases: Readonly<Record<string, string>>;
  /** The case ids of the one status row. */
  readonly joined: readonly string[];
  /** The case whose body says more than "done", and a member of that body its row names. */
  readonly said: string;
  readonly member: string;
}

const ARCHIVE: Fixture = {
  name: 'an archive whose deletions the baseline queues (202 and a job)',
  suite: 'archive',
  app: {
    'PUT /albums/1': { baseline: empty(204), candidate: jsonOf(200, { id: 1 }) },
    'PATCH /albums/1': { baseline: jsonOf(200, { id: 1 }), candidate: jsonOf(200, { id: 1 }) },
    'PUT /albums/2': { baseline: empty(204), candidate: jsonOf(200, { id: 2 }) },
    'DELETE /albums/3': {
      baseline: jsonOf(202, { job: '/purges/9', state: 'queued' }),
      candidate: jsonOf(200, { id: 3 }),
    },
  },
  cases: {
    replace: 'PUT /albums/1',
    retitle: 'PATCH /albums/1',
    'replace-two': 'PUT /albums/2',
    purge: 'DELETE /albums/3',
  },
  joined: ['archive/replace', 'archive/replace-two', 'archive/purge'],
  said: 'archive/purge',
  member: 'state',
};

const INVENTORY: Fixture = {
  name: 'an inventory whose batch import the baseline answers in parts (207 and outcomes)',
  suite: 'stock',
  app: {
    'PUT /skus/A1': { baseline: empty(204), candidate: jsonOf(200, { sku: 'A1' }) },
    'DELETE /skus/B2': { baseline: empty(204), candidate: jsonOf(200, { sku: 'B2' }) },
    'POST /skus/import': {
      baseline: jsonOf(207, { outcomes: [{ sku: 'C3', status: 201 }] }),
      candidate: jsonOf(200, { sku: 'C3' }),
    },
  },
  cases: { restock: 'PUT /skus/A1', retire: 'DELETE /skus/B2', import: 'POST /skus/import' },
  joined: ['stock/restock', 'stock/retire', 'stock/import'],
  said: 'stock/import',
  member: 'outcomes',
};

function server(f: Fixture, side: Side): Promise<TestServer> {
  return routeServer((method, path) => f.app[`${method} ${path}`]?.[side] ?? empty(404));
}

describe('rule 60 kept apart: a write status that says more than "done" keeps its body row', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([ARCHIVE, INVENTORY])('$name', async (f) => {
    const baseline = await server(f, 'baseline');
    const candidate = await server(f, 'candidate');
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(routeCaseFile(f.suite, f.cases), baseline, candidate);
    const shown = JSON.stringify(causes, null, 1);
    const every = causes.filter((c) => c.summary.includes('answers every write 200'));
    expect(every, shown).toHaveLength(1);
    expect([...(every[0]?.caseIds ?? [])].sort(), shown).toEqual([...f.joined].sort());
    // What the queued (partial) answer says is a row of its own beside the status row.
    const said = causes.filter((c) => c !== every[0] && c.caseIds.includes(f.said));
    expect(said.length, shown).toBeGreaterThan(0);
    expect(
      said.some((c) => c.summary.includes(`/${f.member}`)),
      shown,
    ).toBe(true);
  });
});
