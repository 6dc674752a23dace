/**
 * Issue 43, tracker rule 31 (`ignored-queries.ts`), on answers as a run
 * keeps them: what makes one side's list the same whatever the query, read
 * from the bodies (a preview's digest where a body was cut), and what keeps
 * a read apart. Two fixtures of other names, lists and sides.
 */
import { describe, expect, it } from 'vitest';
import type { StructureCause } from '../../../../src/contract/root-cause.js';
import { findingOf } from '../../../../src/core/compare/finding-of.js';
import {
  ignoredKey,
  ignoredQueries,
  type QueryAnswer,
} from '../../../../src/core/compare/ignored-queries.js';
import { causeFingerprint } from '../../../../src/core/compare/root-cause.js';

interface Fixture {
  readonly name: string;
  readonly endpoint: string;
  readonly path: string;
  /** Where the list sits, `''` for the body's top. */
  readonly list: string;
  readonly ignoring: 'baseline' | 'candidate';
  readonly params: readonly [string, string, string];
}

const FIXTURES: readonly Fixture[] = [
  {
    name: 'tasks searched and filtered',
    endpoint: 'GET /api/v1/tasks',
    path: '/api/v1/tasks',
    list: '',
    ignoring: 'baseline',
    params: ['search', 'assignee_eq', 'done_ne'],
  },
  {
    name: 'people under a member, by another side',
    endpoint: 'GET /teams/:id/people',
    path: '/teams/7/people',
    list: '/people',
    ignoring: 'candidate',
    params: ['q', 'role_in', 'limit&q'],
  },
];

/** One read's answer: the ignoring side's body `same`, the other `own`, its list finding. */
function answer(
  f: Fixture,
  caseId: string,
  query: string,
  same: unknown,
  own: unknown,
  more: Partial<QueryAnswer> = {},
): QueryAnswer {
  const resource = f.path.replace(/\/\d+/, '/:id');
  const op = f.ignoring === 'baseline' ? 'removed' : 'added';
  const cause: StructureCause = {
    type: 'structure',
    endpoint: `${resource}?${query}`,
    change: {
      op,
      path: `${f.list}/*`,
      baseline: op === 'removed' ? 'object' : '-',
      candidate: op === 'removed' ? '-' : 'object',
    },
  };
  const wrap = (list: unknown) => (f.list === '' ? list : { [f.list.slice(1)]: list });
  const bodies =
    f.ignoring === 'baseline'
      ? { baseline: wrap(same), candidate: wrap(own) }
      : { baseline: wrap(own), candidate: wrap(same) };
  return {
    caseId,
    endpoint: f.endpoint,
    request: { method: 'GET', path: f.path },
    bodies,
    findings: [findingOf(cause, [`${f.list}/1`])],
    ...more,
  };
}

const ALL = [{ id: 1 }, { id: 2 }, { id: 3 }];

function joined(answers: readonly QueryAnswer[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const ignored = ignoredQueries(answers);
  for (const one of answers) {
    for (const finding of one.findings) {
      const cause = ignored.get(ignoredKey(one.caseId, causeFingerprint(finding.cause)));
      if (cause === undefined) continue;
      const key = JSON.stringify(cause.ignoredQuery);
      out.set(key, [...(out.get(key) ?? []), one.caseId]);
    }
  }
  return out;
}

describe.each(FIXTURES)('one side that answers the same list whatever the query: $name', (f) => {
  const [first, second, third] = f.params;

  it('joins reads of two parameter sets or more, naming the side and each set', () => {
    const answers = [
      answer(f, 'a', first, ALL, [{ id: 1 }]),
      answer(f, 'b', second, ALL, [{ id: 2 }]),
      answer(f, 'c', first, ALL, [{ id: 3 }]),
    ];
    expect([...joined(answers)]).toEqual([
      [JSON.stringify({ side: f.ignoring, queries: [first, second].sort() }), ['a', 'b', 'c']],
    ]);
  });

  it('reads a cut body by its digest and size', () => {
    const cut = (sha256: string) => ({ [f.ignoring]: { sha256, size: 9000 } });
    const answers = [
      answer(f, 'a', first, { '…': 1 }, [{ id: 1 }]),
      answer(f, 'b', second, { '…': 2 }, [{ id: 2 }]),
    ].map((one) => ({ ...one, bodies: { ...one.bodies, cut: cut('ab12') } }));
    expect(joined(answers).size).toBe(1);
    const apart = answers.map((one, n) => ({
      ...one,
      bodies: { ...one.bodies, cut: cut(n === 0 ? 'ab12' : 'cd34') },
    }));
    expect(joined(apart).size).toBe(0);
  });

  it('keeps apart a side that honours the parameters, one set alone, other paths and methods', () => {
    // The ignoring side's bodies differ: it reads them, each its own way.
    expect(
      joined([answer(f, 'a', first, ALL, [{ id: 1 }]), answer(f, 'b', second, [ALL[0]], [])]).size,
    ).toBe(0);
    // One parameter set alone, however many reads.
    expect(
      joined([answer(f, 'a', first, ALL, [{ id: 1 }]), answer(f, 'b', first, ALL, [{ id: 2 }])])
        .size,
    ).toBe(0);
    // Another path as sent (another record's list), another method (a body the result does not keep).
    const other = { request: { method: 'GET', path: `${f.path}/x` } };
    expect(
      joined([answer(f, 'a', first, ALL, [{ id: 1 }]), answer(f, 'b', second, ALL, [], other)])
        .size,
    ).toBe(0);
    const posted = { endpoint: f.endpoint.replace('GET', 'POST') };
    expect(
      joined([
        answer(f, 'a', first, ALL, [{ id: 1 }], posted),
        answer(f, 'b', second, ALL, [], posted),
      ]).size,
    ).toBe(0);
    // The other side's list the same in every read: nothing changes with the query.
    expect(
      joined([answer(f, 'a', first, ALL, [{ id: 1 }]), answer(f, 'b', second, ALL, [{ id: 1 }])])
        .size,
    ).toBe(0);
  });

  it('leaves out a parameter set the side also answers with another body', () => {
    const answers = [
      answer(f, 'a', first, ALL, [{ id: 1 }]),
      answer(f, 'b', second, ALL, [{ id: 2 }]),
      answer(f, 'c', third, ALL, [{ id: 3 }]),
      answer(f, 'd', third, [ALL[1]], []),
    ];
    expect([...joined(answers)]).toEqual([
      [JSON.stringify({ side: f.ignoring, queries: [first, second].sort() }), ['a', 'b']],
    ]);
  });

  it('keeps apart a read without a query and a change that is no list', () => {
    const plain = answer(f, 'a', first, ALL, [{ id: 1 }]);
    const noQuery = {
      ...answer(f, 'b', second, ALL, [{ id: 2 }]),
      findings: [
        findingOf(
          {
            type: 'structure',
            endpoint: f.path.replace(/\/\d+/, '/:id'),
            change: { op: 'removed', path: `${f.list}/*`, baseline: 'object', candidate: '-' },
          },
          ['/1'],
        ),
      ],
    };
    expect(joined([plain, noQuery]).size).toBe(0);
    const member = {
      ...answer(f, 'b', second, ALL, [{ id: 2 }]),
      findings: [
        findingOf(
          {
            type: 'structure',
            endpoint: `${f.path}?${second}`,
            change: { op: 'added', path: `${f.list}/note`, baseline: '-', candidate: 'string' },
          },
          ['/note'],
        ),
      ],
    };
    expect(joined([plain, member]).size).toBe(0);
  });
});
