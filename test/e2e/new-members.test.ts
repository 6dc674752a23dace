/**
 * Issue 43 rules 1-2, with real servers: a member one side never writes is
 * a new member whatever its value (`null`, `[]`, `0`), and it travels with
 * the changes of the same answers (docs/tracker.md rule 5). (a) A list's
 * records restructured, two new `null` members among the members they gain:
 * one row. (b) A member added with a value on two lists and as `null` on a
 * third answer: one row. (c) A view that gains members with values, an empty
 * list and zero-valued counts in the same answers: one row. (d) Beside them,
 * a member the baseline writes with a value elsewhere and leaves out when
 * empty (a real convention, in those same answers) keeps its own row. The
 * run knows what a side writes from the bodies of the answers that differ
 * (equal answers keep none). Two fixtures with other names.
 */
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  /** (a) The list whose records the candidate restructures. */
  readonly list: string;
  readonly lost: readonly [string, string];
  readonly gained: string;
  readonly nulls: readonly [string, string];
  /** (b) Two lists whose elements gain `paint` with a value; one element read alone gains it `null`. */
  readonly painted: readonly [string, string];
  readonly one: string;
  readonly paint: string;
  /** (c) A view read twice that gains two members, an empty list and zero-valued counts per child. */
  readonly view: string;
  readonly added: readonly [string, string];
  readonly empty: string;
  readonly counts: readonly [string, string];
  /** (d) A list member the baseline writes with a value at `holder` and leaves out when empty. */
  readonly optional: string;
  readonly holder: string;
  /** Empty values both sides write (the baseline's encoder keeps `null`, `[]` and `0`). */
  readonly kept: { readonly none: string; readonly list: string; readonly zero: string };
}

const FIRST: Fixture = {
  name: 'projects, tag kinds, a flag view',
  list: '/projects',
  lost: ['staleCount', 'stickiness'],
  gained: 'owners',
  nulls: ['archivedAt', 'lastSeenAt'],
  painted: ['/tag-kinds', '/tags'],
  one: '/tag-kinds/team',
  paint: 'color',
  view: '/flags',
  added: ['createdBy', 'collaborators'],
  empty: 'links',
  counts: ['yes', 'no'],
  optional: 'labels',
  holder: '/labelled',
  kept: { none: 'description', list: 'variants', zero: 'sortOrder' },
};
const SECOND: Fixture = {
  name: 'stores, badge styles, a course view',
  list: '/stores',
  lost: ['legacyCode', 'district'],
  gained: 'managers',
  nulls: ['closedOn', 'auditedAt'],
  painted: ['/badge-styles', '/badges'],
  one: '/badge-styles/gold',
  paint: 'accent',
  view: '/courses',
  added: ['author', 'reviewers'],
  empty: 'attachments',
  counts: ['passed', 'failed'],
  optional: 'keywords',
  holder: '/indexed',
  kept: { none: 'summary', list: 'chapters', zero: 'rank' },
};

function answer(f: Fixture, url: string | undefined, candidate: boolean): unknown {
  const c = candidate;
  const { none, list, zero } = f.kept;
  if (url === f.list) {
    const record = (id: number) => ({
      id,
      [none]: null,
      ...(c
        ? { [f.gained]: [{ kind: 'system' }], [f.nulls[0]]: null, [f.nulls[1]]: null }
        : { [f.lost[0]]: `a${id}`, [f.lost[1]]: `b${id}` }),
    });
    return { version: 1, [f.list.slice(1)]: [record(1), record(2)] };
  }
  const painted = f.painted.indexOf(url ?? '');
  if (painted >= 0) {
    return [{ name: `simple${painted}`, [none]: null, ...(c ? { [f.paint]: '#FFFFFF' } : {}) }];
  }
  if (url === f.one)
    return { item: { name: 'team', [none]: null, ...(c ? { [f.paint]: null } : {}) } };
  if (url?.startsWith(`${f.view}/`)) {
    const child = (name: string) => ({
      name,
      enabled: true,
      ...(c ? { [f.counts[0]]: 0, [f.counts[1]]: 0 } : {}),
    });
    return {
      name: url.slice(f.view.length + 1),
      [list]: [],
      [zero]: 0,
      children: [child('dev'), child('prod')],
      ...(c
        ? {
            [f.added[0]]: { id: 1, name: 'admin' },
            [f.added[1]]: { users: [{ id: 1 }] },
            [f.empty]: [],
            [f.optional]: [],
          }
        : {}),
    };
  }
  // An answer that differs otherwise (the run reads the bodies of answers that differ).
  if (url === f.holder) return { name: 'h', revision: c ? 2 : 1, [f.optional]: ['x', 'y'] };
  return undefined;
}

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const body = answer(f, req.url, candidate);
    if (body === undefined) return json(res, 404, { error: 'not found' });
    return json(res, 200, body);
  });
}

const paths = [
  (f: Fixture) => f.list,
  (f: Fixture) => f.painted[0],
  (f: Fixture) => f.painted[1],
  (f: Fixture) => f.one,
  (f: Fixture) => `${f.view}/a`,
  (f: Fixture) => `${f.view}/b`,
  (f: Fixture) => f.holder,
];

const cases = (f: Fixture) => `suite: s
cases:
${paths.map((path, i) => `  - id: read-${i}\n    request: { method: GET, path: ${path(f)} }\n`).join('')}`;

type Cause = NonNullable<RunReport['rootCauses']>[number];

/** The member names a row's changes name (its structure's members, or its pattern's field). */
function namesOf(row: Cause): string[] {
  const { cause } = row;
  if (cause?.type === 'pattern') return [cause.field];
  if (cause?.type !== 'structure') return [];
  return [cause.change, ...(cause.together ?? [])].map((c) => c.path.split('/').pop() ?? '');
}

describe('new members travel with the changes of their answers', () => {
  it.each([FIRST, SECOND])('one row per decision, a convention apart: $name', async (f) => {
    const rows = await rootCausesOfServers(cases(f), (side) => server(f, side));
    const shown = JSON.stringify(
      rows.map((r) => [r.summary, r.caseIds]),
      null,
      1,
    );
    const rowOf = (name: string) => rows.filter((r) => namesOf(r).includes(name));
    // (a) the restructure and its new `null` members
    const [restructure, ...moreA] = rowOf(f.gained);
    expect(moreA, shown).toHaveLength(0);
    for (const name of [...f.lost, ...f.nulls]) expect(rowOf(name), name).toEqual([restructure]);
    // (b) one member, valued or `null`: one row, on every answer that shows it
    const [paint, ...moreB] = rowOf(f.paint);
    expect(moreB, shown).toHaveLength(0);
    expect(paint?.caseIds).toEqual(['s/read-1', 's/read-2', 's/read-3']);
    // (c) the view's members: valued, an empty list, zero-valued counts
    const [view, ...moreC] = rowOf(f.added[0]);
    expect(moreC, shown).toHaveLength(0);
    expect(rowOf(f.added[1])).toEqual([view]);
    expect(rowOf(f.empty)).toEqual([view]);
    expect(view?.caseIds).toEqual(['s/read-4', 's/read-5']);
    // (d) the convention, in the same answers, keeps its row
    const [convention, ...moreD] = rowOf(f.optional);
    expect(moreD, shown).toHaveLength(0);
    expect(convention).not.toBe(view);
    expect(convention?.summary).toMatch(/^absent vs \[\] at /);
    // and the holder's own value: five rows
    expect(rows, shown).toHaveLength(5);
  });
});
