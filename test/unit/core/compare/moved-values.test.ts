/**
 * Issue 43: a value moved to a member the other side adds is part of that
 * member's change (`moved-values.ts`): an Express-style `{"error": message}`
 * against a Fastify-style `{"statusCode", "error": reason, "message"}` on
 * every endpoint is one row, not the members' row and one row per message.
 * Planted twice with other names; a reworded value with no member holding
 * its old value, and a value moved in some answers only, stay rows of their
 * own.
 */
import { describe, expect, it } from 'vitest';
import type { SkeletonChange } from '../../../../src/contract/root-cause.js';
import type { ClusterAnswer } from '../../../../src/core/compare/cause-clusters.js';
import { findingOf } from '../../../../src/core/compare/finding-of.js';
import { valueMoves } from '../../../../src/core/compare/moved-values.js';
import { clusteredSummaries } from '../../../helpers/clustered-rows.js';

interface Change {
  readonly op: 'value' | 'added' | 'removed';
  readonly path: string;
  readonly baseline?: unknown;
  readonly candidate?: unknown;
}

const type = (v: unknown) => (v === undefined ? '-' : typeof v);

/** One answer: each change a finding of its resource, with its values. */
function answer(caseId: string, endpoint: string, changes: readonly Change[]) {
  const resource = endpoint.replace(/^\S+ /, '').replace(/\/:\w+$/, '');
  const findings = changes.map((c) => {
    const change: SkeletonChange = {
      op: c.op,
      path: c.path,
      baseline: type(c.baseline),
      candidate: type(c.candidate),
    };
    return findingOf({ type: 'structure', endpoint: resource, change }, [c.path]);
  });
  return { caseId, endpoint, findings, changes } satisfies ClusterAnswer;
}

const rows = clusteredSummaries;

describe('valueMoves', () => {
  it('pairs a value with the member of the same object that holds its old value', () => {
    expect(
      valueMoves([
        { op: 'value', path: '/error', baseline: 'user not found', candidate: 'Not Found' },
        { op: 'added', path: '/message', candidate: 'user not found' },
        { op: 'added', path: '/statusCode', candidate: 404 },
      ]),
    ).toEqual([['/error', '/message']]);
    expect(
      valueMoves([
        { op: 'value', path: '/user/name', baseline: 'Ada L', candidate: 'ada' },
        { op: 'removed', path: '/user/login', baseline: 'ada' },
      ]),
    ).toEqual([['/user/name', '/user/login']]);
  });

  it('pairs nothing for another object, or a value too plain to say it moved', () => {
    expect(
      valueMoves([
        { op: 'value', path: '/error', baseline: 'gone', candidate: 'Not Found' },
        { op: 'added', path: '/meta/message', candidate: 'gone' },
      ]),
    ).toEqual([]);
    expect(
      valueMoves([
        { op: 'value', path: '/ok', baseline: true, candidate: false },
        { op: 'added', path: '/done', candidate: true },
      ]),
    ).toEqual([]);
  });
});

describe.each([
  {
    name: 'an error envelope',
    value: '/error',
    moved: '/message',
    extra: '/statusCode',
    old: (n: number) => `record ${n} not found`,
    now: 'Not Found',
    extraValue: 404,
  },
  {
    name: 'a problem document',
    value: '/problem/title',
    moved: '/problem/detail',
    extra: '/problem/type',
    old: (n: number) => `order ${n} was cancelled`,
    now: 'Conflict',
    extraValue: 'about:blank',
  },
])('$name', ({ value, moved, extra, old, now, extraValue }) => {
  const envelope = (caseId: string, endpoint: string, n: number, at = old(n)) =>
    answer(caseId, endpoint, [
      { op: 'value', path: value, baseline: old(n), candidate: now },
      { op: 'added', path: moved, candidate: at },
      { op: 'added', path: extra, candidate: extraValue },
    ]);

  it('is one row on every endpoint, its moved value with the members', () => {
    const found = rows([
      envelope('c/1', 'GET /users/:id', 1),
      envelope('c/2', 'GET /teams/:id', 2),
      envelope('c/3', 'POST /orders', 3),
    ]);
    expect(found, found.join('\n')).toHaveLength(1);
  });

  it('keeps a value that moved in some answers only, or a rewording beside it, apart', () => {
    const found = rows([
      envelope('c/1', 'GET /users/:id', 1),
      envelope('c/2', 'GET /teams/:id', 2),
      // The same members, but the message is not the old value: reworded, not moved.
      envelope('c/3', 'POST /orders', 3, 'something else entirely'),
    ]);
    expect(found, found.join('\n')).toHaveLength(2);
  });
});
