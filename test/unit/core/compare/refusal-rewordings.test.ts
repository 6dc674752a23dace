/**
 * Issue 43, rule 47 (`refusalRewordings`): both sides' refusals under one
 * transition of statuses, in one envelope, with the values one side words
 * anew at its members, are one group with the transition's status findings.
 * Planted twice, with other envelopes, members and statuses; the kept-apart
 * cases the end-to-end test (`test/e2e/refusal-rewordings.test.ts`) does not
 * plant: an envelope that gains a member, an answer that is no JSON object,
 * a transition alone, and a transition seen once.
 */
import { describe, expect, it } from 'vitest';
import type { SkeletonChange } from '../../../../src/contract/root-cause.js';
import {
  type RefusingAnswer,
  refusalRewordings,
} from '../../../../src/core/compare/refusal-rewordings.js';

interface Fixture {
  readonly name: string;
  readonly statuses: readonly [number, number];
  readonly endpoint: (n: number) => string;
  /** The envelope's path (`''`: the body) and each side's envelope in answer `n`. */
  readonly at: string;
  readonly envelope: (side: 0 | 1, n: number) => Record<string, unknown>;
  readonly members: readonly [klass: string, message: string];
}

const QUERY: Fixture = {
  name: '{status, errorType, error}, 400 → 422',
  statuses: [400, 422],
  endpoint: (n) => `GET /api/q${n}`,
  at: '',
  envelope: (side, n) => ({
    status: 'error',
    errorType: side === 0 ? 'bad_data' : 'unprocessable',
    error: side === 0 ? `reason ${n} as the baseline says it` : `candidate words ${n} otherwise`,
  }),
  members: ['errorType', 'error'],
};
const NESTED: Fixture = {
  name: '{fault: {kind, text}}, 403 → 401',
  statuses: [403, 401],
  endpoint: (n) => `DELETE /vaults/${n}`,
  at: '/fault',
  envelope: (side, n) => ({
    kind: side === 0 ? 'Forbidden' : 'NoCredentials',
    text: side === 0 ? `vault ${n} is not yours` : `sign in to touch vault ${n}`,
  }),
  members: ['kind', 'text'],
};

const wrap = (f: Fixture, value: Record<string, unknown>) =>
  f.at === '' ? value : { [f.at.slice(1)]: value };

function answer(f: Fixture, n: number, statuses = f.statuses): RefusingAnswer {
  const [b, c] = statuses;
  return {
    caseId: `c${n}`,
    baseline: { status: b, bodyKind: 'json' },
    candidate: { status: c, bodyKind: 'json' },
    findings: [{ cause: { type: 'status', endpoint: f.endpoint(n), baseline: b, candidate: c } }],
    bodies: { baseline: wrap(f, f.envelope(0, n)), candidate: wrap(f, f.envelope(1, n)) },
  };
}

const value = (path: string, answers: string[], values?: [string, string]) => ({
  change: {
    op: 'value',
    path,
    baseline: 'string',
    candidate: 'string',
    ...(values === undefined ? {} : { values }),
  } as SkeletonChange,
  answers: new Set(answers),
});

function seen(f: Fixture) {
  const [klass, message] = f.members;
  return {
    klass: value(`${f.at}/${klass}`, ['c1', 'c2', 'c3']),
    wordings: [1, 2, 3].map((n) => value(`${f.at}/${message}`, [`c${n}`], [`w${n}`, `v${n}`])),
  };
}

describe.each([QUERY, NESTED])('refusalRewordings: $name', (f) => {
  const answers = [1, 2, 3].map((n) => answer(f, n));

  it('joins the class, the wordings and the status findings of the transition', () => {
    const { klass, wordings } = seen(f);
    const groups = [[klass], ...wordings.map((w) => [w])];
    const { groups: out, rows } = refusalRewordings(groups, answers);
    expect(out).toHaveLength(1);
    const [row] = [...rows.entries()];
    expect(new Set(row?.[0])).toEqual(new Set([klass, ...wordings]));
    expect(row?.[1].statuses).toEqual(f.statuses);
    expect(row?.[1].owns.size).toBe(3);
  });

  it('keeps apart a wording also seen outside the transition, and another object', () => {
    const { klass, wordings } = seen(f);
    const outside = value(`${f.at}/${f.members[1]}`, ['c1', 'c9'], ['w', 'v']);
    const other = value(`${f.at}/meta/note`, ['c2']);
    const both = [...answers, { ...answer(f, 9, [400, 400]) }];
    const groups = [[klass], ...wordings.map((w) => [w]), [outside], [other]];
    const { groups: out } = refusalRewordings(groups, both);
    expect(out).toContainEqual([outside]);
    expect(out).toContainEqual([other]);
    expect(out).toHaveLength(3);
  });

  it('joins nothing where the envelope gains a member, an answer is no JSON object, or once', () => {
    const { klass, wordings } = seen(f);
    const groups = [[klass], ...wordings.map((w) => [w])];
    const gained = answers.map((one, i) =>
      i === 0
        ? {
            ...one,
            bodies: {
              baseline: one.bodies?.baseline,
              candidate: wrap(f, { ...f.envelope(1, 1), trace: 'x' }),
            },
          }
        : one,
    );
    expect(refusalRewordings(groups, gained).rows.size).toBe(0);
    const text = answers.map((one, i) =>
      i === 0 ? { ...one, candidate: { status: f.statuses[1], bodyKind: 'text' } } : one,
    );
    expect(refusalRewordings(groups, text).rows.size).toBe(0);
    const [first] = answers;
    expect(refusalRewordings([[wordings[0] ?? klass]], first ? [first] : []).rows.size).toBe(0);
    // A transition with no value changed at its envelope: rule 4's row, nothing joined.
    expect(refusalRewordings([], answers).rows.size).toBe(0);
  });

  it('keeps a router’s status apart', () => {
    const { klass, wordings } = seen(f);
    const routed = [1, 2, 3].map((n) => answer(f, n, [f.statuses[0], 404]));
    expect(refusalRewordings([[klass], ...wordings.map((w) => [w])], routed).rows.size).toBe(0);
  });
});
