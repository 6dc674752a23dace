/**
 * Issue 43 rule 2 for values, with real servers: the values of two members
 * of one object kind, each answer's data (no wording of their own), that
 * differ in exactly the same answers, two or more, and nowhere else, are one
 * row naming both members. Two fixtures with other names: a validator that
 * names a refused member by its place in the request (its pointer and the
 * message that quotes it, on refusals at two resources, beside the
 * envelope's own member of that name and the message worded anew on another
 * refusal, each a row of its own wording), and a shipment
 * written at two places of one object kind (an order's `shipping` and a
 * return's `refund/shipping`). Then the cases kept apart, each a row of its
 * own: a value that shares some answers only, values of another object in
 * the same answers, values of one answer, a value that also differs in
 * another answer, and integers one amount apart (a counter's question).
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

type Causes = Awaited<ReturnType<typeof rootCausesOfServers>>;

const shown = (causes: Causes) =>
  JSON.stringify(
    causes.map((c) => [c.summary, c.caseIds]),
    null,
    1,
  );

/** The rows whose summary names `member` (as `/…/member`). */
const rowsOf = (causes: Causes, member: string) =>
  causes.filter((c) => c.summary.includes(`/${member}\``) || c.summary.includes(`/${member},`));

interface Together {
  readonly name: string;
  readonly cases: string;
  readonly serve: (candidate: boolean) => Promise<TestServer>;
  /** The two members whose values change together. */
  readonly members: readonly [string, string];
  /** The cases they change in. */
  readonly answers: readonly string[];
  /** The rows of the run, theirs included. */
  readonly rows: number;
}

/** A refusal names the missing member as `name` (baseline) or by its place `/body/name` (candidate). */
const REFUSALS: Together = {
  name: "a refused member's pointer and the message quoting it",
  cases: `suite: v
cases:
  - id: widget-without-title
    request: { method: POST, path: /widgets, json: { colour: red } }
  - id: widget-check-without-title
    request: { method: POST, path: /widgets/check, json: { colour: red } }
  - id: gadget-without-label
    request: { method: POST, path: /gadgets, json: { size: 3 } }
  - id: widget-with-title
    request: { method: POST, path: /widgets, json: { title: a } }
  - id: gadget-missing
    request: { method: GET, path: /gadgets/missing }
  - id: widget-taken
    request: { method: POST, path: /widgets, json: { title: taken } }
`,
  serve: (candidate) =>
    startServer((req, res, body) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const sent = JSON.parse(body || '{}') as Record<string, unknown>;
      // The envelope's own `detail` (not the problems'), worded anew on a missing gadget.
      if (req.method === 'GET') {
        return json(res, 404, { detail: candidate ? 'Gadget not found' : 'No such gadget' });
      }
      const field = path.startsWith('/gadgets') ? 'label' : 'title';
      // A problem's `detail` worded anew on another refusal (a wording, its own row), its
      // `pointer` written alike: the pointer's change picks the missing members out.
      if (sent[field] === 'taken') {
        const detail = candidate ? 'A widget titled so exists already' : 'That title is in use';
        return json(res, 409, { kind: 'conflict', problems: [{ pointer: field, detail }] });
      }
      if (field in sent) return json(res, 201, { ok: true });
      const pointer = candidate ? `/body/${field}` : field;
      json(res, 400, {
        kind: 'invalid',
        problems: [{ pointer, detail: `The \`${pointer}\` member is missing.` }],
      });
    }),
  members: ['pointer', 'detail'],
  answers: ['v/widget-without-title', 'v/widget-check-without-title', 'v/gadget-without-label'],
  rows: 3,
};

/** A shipment written at two places of one object kind, its depot and bay spelled anew. */
const SHIPMENTS: Together = {
  name: "a shipment's depot and bay, under two parents of one kind",
  cases: `suite: s
cases:
  - id: order-1
    request: { method: GET, path: /orders/1 }
  - id: order-2
    request: { method: GET, path: /orders/2 }
  - id: return-1
    request: { method: GET, path: /returns/1 }
  - id: order-9
    request: { method: GET, path: /orders/9 }
`,
  serve: (candidate) =>
    startServer((req, res) => {
      const [, resource, id = ''] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
      const n = Number(id);
      // Order 9's shipment is written alike by both (its total is not: a row of its own).
      const anew = candidate && n !== 9;
      const shipping = {
        carrier: 'rail',
        depot: anew ? `${n}D` : `D-${n}`,
        bay: anew ? `${n + 3}/B` : `B${n + 3}`,
      };
      const total = candidate && n === 9 ? 13 : 12;
      if (resource === 'orders') return json(res, 200, { id: n, shipping, total });
      json(res, 200, { id: n, refund: { amount: 5, shipping } });
    }),
  members: ['depot', 'bay'],
  answers: ['s/order-1', 's/order-2', 's/return-1'],
  rows: 2,
};

describe('values of one object kind that change in exactly the same answers are one row', () => {
  it.each([REFUSALS, SHIPMENTS])('$name', async (f) => {
    const causes = await rootCausesOfServers(f.cases, f.serve);
    const [one, two] = f.members;
    const rows = rowsOf(causes, one);
    expect(rows, shown(causes)).toHaveLength(1);
    const [row] = rows;
    // The row names both members and lists every answer they change in.
    expect(row?.summary, shown(causes)).toContain(`/${two}`);
    expect([...(row?.caseIds ?? [])].sort()).toEqual([...f.answers].sort());
    // No other row holds either of them in those answers (the envelope's own member is another).
    for (const other of [...rowsOf(causes, two), ...rows].filter((c) => c !== row)) {
      expect(
        other.caseIds.filter((id) => f.answers.includes(id)),
        shown(causes),
      ).toEqual([]);
    }
    expect(causes, shown(causes)).toHaveLength(f.rows);
  });
});

interface Apart {
  readonly name: string;
  /** The object whose members change, the two that change together, and the rest. */
  readonly object: string;
  readonly together: readonly [string, string];
  /** Changes in answers 1 and 2 only (of 1, 2, 3). */
  readonly fewer: string;
  /** Another object, changed in exactly the answers of `together`. */
  readonly other: readonly [object: string, member: string];
  /** Two members that change in answer 3 alone. */
  readonly lone: readonly [string, string];
  /** Changes with `together` in answers 1–3 and, alone, in answer 4. */
  readonly more: string;
  /** Integers one amount apart, each its own amount (a counter's question). */
  readonly counted: readonly [string, string];
  /** A number written as a digit string and a boolean as a string, other values too (type families). */
  readonly typed: readonly [string, string];
}

const PARCELS: Apart = {
  name: 'parcels',
  object: 'parcel',
  together: ['sender', 'route'],
  fewer: 'hub',
  other: ['customs', 'form'],
  lone: ['locker', 'slot'],
  more: 'grade',
  counted: ['revision', 'weight'],
  typed: ['pieces', 'fragile'],
};

const TICKETS: Apart = {
  name: 'tickets',
  object: 'seat',
  together: ['row', 'gate'],
  fewer: 'zone',
  other: ['holder', 'badge'],
  lone: ['aisle', 'door'],
  more: 'tier',
  counted: ['version', 'price'],
  typed: ['seats', 'open'],
};

/** Answers 1–3 change; answer 4 changes `more` alone; answer 5 is alike. */
function apartServer(f: Apart, candidate: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const n = Number(new URL(req.url ?? '/', 'http://x').pathname.split('/')[2]);
    const s = candidate && n <= 3;
    const [a, b] = f.together;
    const [other, member] = f.other;
    const [l1, l2] = f.lone;
    const [c1, c2] = f.counted;
    const [t1, t2] = f.typed;
    json(res, 200, {
      id: n,
      [f.object]: {
        [a]: s ? `${n}:${a}` : `${a}-${n}`,
        [b]: s ? `x${n}y` : `y${n}x`,
        [f.fewer]: s && n <= 2 ? `h/${n}` : `h${n}`,
        [l1]: s && n === 3 ? `${n}L` : `L${n}`,
        [l2]: s && n === 3 ? `${n}S` : `S${n}`,
        [f.more]: candidate && n <= 4 ? `g${n}.1` : `g${n}-1`,
        [c1]: s ? n + 1 : n,
        [c2]: s ? 10 * n + 3 : 10 * n,
        [t1]: s ? String(n + 40) : n,
        [t2]: s ? 'false' : n % 2 === 0,
      },
      [other]: { [member]: s ? `f-${n}` : `f${n}` },
    });
  });
}

const APART_CASES = `suite: k
cases:
${[1, 2, 3, 4, 5].map((n) => `  - id: r${n}\n    request: { method: GET, path: /records/${n} }`).join('\n')}
`;

describe('values that look alike but are two decisions stay two rows', () => {
  it.each([PARCELS, TICKETS])('$name', async (f) => {
    const causes = await rootCausesOfServers(APART_CASES, (candidate) => apartServer(f, candidate));
    const all = shown(causes);
    const ids = (member: string) => rowsOf(causes, member).map((c) => [...c.caseIds].sort());
    // The two that change together, in answers 1–3 and nowhere else: one row.
    const [a, b] = f.together;
    expect(ids(a), all).toEqual([['k/r1', 'k/r2', 'k/r3']]);
    expect(rowsOf(causes, b), all).toEqual(rowsOf(causes, a));
    // Some of those answers only: its own row.
    expect(ids(f.fewer), all).toEqual([['k/r1', 'k/r2']]);
    // Another object in exactly those answers: its own row.
    expect(ids(f.other[1]), all).toEqual([['k/r1', 'k/r2', 'k/r3']]);
    // One answer tells nothing: each its own row.
    for (const lone of f.lone) expect(ids(lone), all).toEqual([['k/r3']]);
    // A value that also differs in another answer: its own row.
    expect(ids(f.more), all).toEqual([['k/r1', 'k/r2', 'k/r3', 'k/r4']]);
    // Integers one amount apart each, in the same answers: the counter rule's, two rows.
    for (const counted of f.counted) {
      const rows = rowsOf(causes, counted);
      expect(rows, all).toHaveLength(1);
      expect(rows[0]?.summary, all).not.toContain(`/${a}`);
    }
    expect(rowsOf(causes, f.counted[0]), all).not.toEqual(rowsOf(causes, f.counted[1]));
    // A type family's values in the same answers: never with them, nor with each other.
    for (const typed of f.typed) {
      expect(rowsOf(causes, typed).length, all).toBeGreaterThan(0);
      for (const row of rowsOf(causes, typed)) {
        expect(row.summary, all).not.toContain(`/${a}`);
        for (const other of f.typed) if (other !== typed) expect(row.summary).not.toContain(other);
      }
    }
  });
});
