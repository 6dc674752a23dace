/**
 * Issue 43, tracker rule 53 (`list-orders.ts`), with real servers: a list
 * one side gives another element and whose common elements it writes in
 * another order, in exactly the answers where that list gains (or loses)
 * elements and in no other, is one row, the list's elements row: one side
 * writes its own list (a server's supported components, a team's members
 * as it keeps them). Planted twice, with other lists, identities and
 * formats: JSON records paired by `login` in two answers, XML elements paired
 * by a `key` attribute in one. Kept apart, each its own row: the same order
 * also seen in an answer whose elements agree (a missing ORDER BY, a
 * question of its own), another list's order beside the elements, and a
 * list whose elements change by value only.
 */
import { describe, expect, it } from 'vitest';
import { reportOfServers, rootCausesOfServers } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  /** The route the list is read on (`/route/:n`). */
  readonly route: string;
  /** The answers where the candidate adds an element and reorders (`/route/n`). */
  readonly changed: readonly number[];
  /** The list's field, the other list's field, and the identity member. */
  readonly list: string;
  readonly other: string;
  readonly identity: string;
  /** Writes a body of two lists, each a list of `[identity, text]`. */
  readonly write: (f: Fixture, list: Cells, other: Cells) => string;
  readonly type: string;
}

type Cells = readonly (readonly [string, string])[];

const json = (f: Fixture, list: Cells, other: Cells) =>
  JSON.stringify({
    [f.list]: list.map(([id, text]) => ({ [f.identity]: id, role: text })),
    [f.other]: other.map(([id, text]) => ({ [f.identity]: id, role: text })),
  });

const xml = (f: Fixture, list: Cells, other: Cells) => {
  const cells = (name: string, of: Cells) =>
    of.map(([id, text]) => `<${name} ${f.identity}="${id}"><label>${text}</label></${name}>`);
  return `<?xml version="1.0"?><catalog><features>${cells(f.list, list).join('')}</features><extras>${cells(f.other, other).join('')}</extras></catalog>`;
};

const MEMBERS: Fixture = {
  name: 'JSON members paired by login, one added and the others reordered, in two answers',
  route: 'teams',
  changed: [1, 2],
  list: 'members',
  other: 'owners',
  identity: 'login',
  write: json,
  type: 'application/json',
};

const FEATURES: Fixture = {
  name: 'XML features paired by a key attribute, one added and the others reordered, in one answer',
  route: 'catalogs',
  changed: [1],
  list: 'feature',
  other: 'extra',
  identity: 'key',
  write: xml,
  type: 'application/xml',
};

const A = ['alpha', 'lead'] as const;
const B = ['bravo', 'dev'] as const;
const C = ['charlie', 'ops'] as const;
const CELLS: Cells = [A, B, C];
/** The candidate's order of the three, and the element it adds. */
const REORDERED: Cells = [B, C, A];
const ADDED: Cells = [...REORDERED, ['delta', 'qa']];

/**
 * `/route/n` for n in `changed`: the candidate adds an element and reorders;
 * `/route/7`: the same elements in another order only; `/route/8`: the list
 * gains an element in the same order while the other list is reordered;
 * `/route/9`: the same elements reordered, one with another value.
 */
function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const n = Number(new URL(req.url ?? '/', 'http://x').pathname.split('/')[2]);
    const answer = (list: Cells, other: Cells) => {
      res.writeHead(200, { 'content-type': f.type });
      res.end(f.write(f, list, other));
    };
    if (!candidate) return answer(CELLS, CELLS);
    if (f.changed.includes(n)) return answer(ADDED, CELLS);
    if (n === 7) return answer(REORDERED, CELLS);
    if (n === 8) return answer([...CELLS, ['delta', 'qa']], REORDERED);
    if (n === 9) return answer([[B[0], 'architect'], C, A], CELLS);
    return answer(CELLS, CELLS);
  });
}

const cases = (f: Fixture, reads: readonly number[]) =>
  [
    'suite: s',
    'cases:',
    ...reads.flatMap((n) => [
      `  - id: read-${n}`,
      `    request: { method: GET, path: /${f.route}/${n} }`,
    ]),
  ].join('\n');

const ELEMENTS = /adds elements to the list/;
const ORDER = /array order/;

describe.each([MEMBERS, FEATURES])('a list’s order beside its elements: $name', (f) => {
  it('is one row, the elements row, listing the answers', async () => {
    const report = await reportOfServers(cases(f, f.changed), (c) => server(f, c));
    const causes = report.rootCauses ?? [];
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries)).toEqual([expect.stringMatching(ELEMENTS)]);
    expect(summaries[0]).toContain(f.list);
    expect([...(causes[0]?.caseIds ?? [])].sort()).toEqual(f.changed.map((n) => `s/read-${n}`));
    // Its finding points at the element moved (`alpha`, first) beside the one added (fourth):
    // the order is not hidden.
    for (const result of report.results) {
      const [finding, ...more] = result.findings ?? [];
      expect(more).toEqual([]);
      const ends = (finding?.paths ?? []).map((path) => path.split('/').at(-1)).sort();
      expect(ends, JSON.stringify(result.findings)).toEqual(['0', '3']);
    }
  });

  it('keeps the order apart where it also shows on an answer whose elements agree', async () => {
    const causes = await rootCausesOfServers(cases(f, [...f.changed, 7]), (c) => server(f, c));
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries)).toHaveLength(2);
    const order = causes.find((c) => ORDER.test(c.summary));
    expect([...(order?.caseIds ?? [])].sort()).toEqual([...f.changed, 7].map((n) => `s/read-${n}`));
    const elements = causes.find((c) => ELEMENTS.test(c.summary));
    expect([...(elements?.caseIds ?? [])].sort()).toEqual(f.changed.map((n) => `s/read-${n}`));
  });

  it('keeps apart another list’s order beside the elements', async () => {
    const causes = await rootCausesOfServers(cases(f, [8]), (c) => server(f, c));
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries)).toHaveLength(2);
    expect(summaries.find((s) => ORDER.test(s))).toContain(f.other);
    expect(summaries.some((s) => ELEMENTS.test(s))).toBe(true);
  });

  it('keeps apart a list whose elements change by value only', async () => {
    const causes = await rootCausesOfServers(cases(f, [9]), (c) => server(f, c));
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries)).toHaveLength(2);
    expect(summaries.some((s) => ORDER.test(s))).toBe(true);
    expect(summaries.some((s) => /value of/.test(s))).toBe(true);
  });
});
