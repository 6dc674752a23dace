/**
 * Issue 43, with real servers: the protobuf JSON mapping's habits against a
 * re-implementation. The baseline writes 64-bit integers as strings, leaves
 * every member at its default value out (`false`, `0`, an empty list or
 * map) and numbers its counter from another origin; the candidate writes
 * numbers, every member, and a counter lower (or higher) by one. The counter
 * shows in the envelope and in the record, on three endpoints: one row for
 * the offset beside the type family's row, one row for the defaults left out
 * in two objects and at a collection. Planted in the same answers and
 * objects, two causes of their own keep their rows: a member off by another
 * amount, and a member the candidate adds with a value. Two fixtures with
 * other names and shapes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfPair } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly things: string;
  readonly envelope: string;
  readonly counter: string;
  readonly record: string;
  readonly made: string;
  /** A member whose values differ for a reason of their own (another amount). */
  readonly amount: string;
  /** Members at their zero value: in the record, in the status, and a collection. */
  readonly flag: string;
  readonly pending: string;
  readonly collection: string;
  readonly empty: unknown;
  /** A member the candidate alone writes, with a value. */
  readonly extra: string;
  /** How much the candidate's counter differs by. */
  readonly by: number;
  readonly words: string;
}

const FIRST: Fixture = {
  name: 'items with a header revision',
  things: 'items',
  envelope: 'header',
  counter: 'revision',
  record: 'item',
  made: 'createRevision',
  amount: 'quantity',
  flag: 'archived',
  pending: 'pendingWrites',
  collection: 'labels',
  empty: [],
  extra: 'owner',
  by: -1,
  words: "candidate's values are lower by one offset per answer",
};
const SECOND: Fixture = {
  name: 'orders with a sequence in meta',
  things: 'orders',
  envelope: 'meta',
  counter: 'seq',
  record: 'order',
  made: 'openedSeq',
  amount: 'total',
  flag: 'gift',
  pending: 'queued',
  collection: 'attributes',
  empty: {},
  extra: 'channel',
  by: 2,
  words: "baseline's values are lower by one offset per answer",
};

/** The baseline as protojson writes it; the candidate writes numbers and every member. */
function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  const int = (n: number) => (candidate ? n : String(n));
  const counter = (n: number) => int(candidate ? n + f.by : n);
  const zero = (name: string, value: unknown) => (candidate ? { [name]: value } : {});
  return startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const [, kind, id = '1'] = path.split('/');
    const n = Number(id);
    if (kind === 'status') {
      return json(res, 200, {
        [f.envelope]: { [f.counter]: counter(40) },
        name: 'store',
        ...zero(f.pending, 0),
      });
    }
    return json(res, 200, {
      [f.envelope]: { [f.counter]: counter(40 + n) },
      [f.record]: {
        name: `thing-${n}`,
        [f.made]: counter(10 + n),
        // Off by another amount than the counter: a cause of its own.
        [f.amount]: int(candidate ? 5 * n + 7 : 5 * n),
        ...zero(f.flag, false),
        ...zero(f.collection, f.empty),
        ...(candidate ? { [f.extra]: 'web' } : {}),
      },
    });
  });
}

const cases = (f: Fixture) => `suite: s
cases:
  - id: status
    request: { method: GET, path: /status }
  - id: one
    request: { method: GET, path: /${f.things}/1 }
  - id: two
    request: { method: GET, path: /${f.things}/2 }
  - id: three
    request: { method: PUT, path: /${f.things}/3, json: { name: thing-3 } }
`;

describe('a counter offset and defaults left out are one row each', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([FIRST, SECOND])('$name', async (f) => {
    const baseline = await server(f, false);
    const candidate = await server(f, true);
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(cases(f), baseline, candidate);
    const all = JSON.stringify(
      causes.map((c) => c.summary),
      null,
      1,
    );
    const offset = causes.filter((c) => c.summary.includes(f.words));
    expect(offset, all).toHaveLength(1);
    expect([...(offset[0]?.caseIds ?? [])].sort()).toEqual([
      's/one',
      's/status',
      's/three',
      's/two',
    ]);
    const defaults = causes.filter((c) =>
      c.summary.includes('leaves members at their zero value out'),
    );
    expect(defaults, all).toHaveLength(1);
    expect(defaults[0]?.summary).toContain(`empty at \`${f.collection}\``);
    expect([...(defaults[0]?.caseIds ?? [])].sort()).toEqual([
      's/one',
      's/status',
      's/three',
      's/two',
    ]);
    // The two planted causes keep rows of their own.
    expect(
      causes.some((c) => c.summary.includes(`value of \`/${f.record}/${f.amount}\` differs`)),
      all,
    ).toBe(true);
    expect(
      causes.some((c) => c.summary.includes(`candidate adds \`/${f.record}/${f.extra}\``)),
      all,
    ).toBe(true);
    // The type family, the offset, the defaults and the two planted causes.
    expect(causes, all).toHaveLength(5);
  });
});
