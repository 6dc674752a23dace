/**
 * Issue 43, rules 12 and 39: an answer both sides refused in the body, with
 * one status, is an error answer (`errorClasses`, `refusedByBoth`); and the
 * wordings one side's rewritten envelope gives, two or more at one member of
 * it, are one cause (`envelopeWordings`). Planted twice, with other members.
 */
import { describe, expect, it } from 'vitest';
import type { SkeletonChange } from '../../../../src/contract/root-cause.js';
import { envelopeWordings } from '../../../../src/core/compare/envelope-wordings.js';
import { errorClasses } from '../../../../src/core/compare/error-envelopes.js';
import { refusedByBoth } from '../../../../src/core/compare/refused-answers.js';

describe('refusedByBoth', () => {
  it('reads a refusal member on both sides, a fault on both, and a batch refused at the same places', () => {
    expect(refusedByBoth({ error: { code: 1 } }, { error: { code: 2 } })).toBe(true);
    expect(refusedByBoth({ Failure: 'x' }, { failure: 'y' })).toBe(true);
    expect(refusedByBoth([{ result: 1 }, { error: 'a' }], [{ result: 2 }, { error: 'b' }])).toBe(
      true,
    );
  });

  it('reads no refusal where one side accepted, a refusal member is empty, or a batch differs', () => {
    expect(refusedByBoth({ error: { code: 1 } }, { result: 1 })).toBe(false);
    expect(refusedByBoth({ error: null, result: 1 }, { error: null, result: 2 })).toBe(false);
    expect(refusedByBoth({ errors: [] }, { errors: ['x'] })).toBe(false);
    expect(refusedByBoth([{ error: 'a' }, { result: 1 }], [{ result: 1 }, { error: 'a' }])).toBe(
      false,
    );
    expect(refusedByBoth([{ result: 1 }], [{ result: 1 }])).toBe(false);
    expect(refusedByBoth('error', 'error')).toBe(false);
  });
});

describe('errorClasses', () => {
  const statuses = (b: number, c: number) => ({
    baseline: { status: b },
    candidate: { status: c },
  });
  it('classes refusals in the body with one status, and error statuses as before', () => {
    const classes = errorClasses([
      {
        caseId: 'rpc',
        ...statuses(200, 200),
        bodies: { baseline: { error: 'a' }, candidate: { error: 'b' } },
      },
      { caseId: 'rest', ...statuses(404, 410) },
      {
        caseId: 'one',
        ...statuses(200, 200),
        bodies: { baseline: { error: 'a' }, candidate: { ok: 1 } },
      },
      {
        caseId: 'two',
        ...statuses(200, 201),
        bodies: { baseline: { error: 'a' }, candidate: { error: 'b' } },
      },
      { caseId: 'none', ...statuses(200, 200) },
    ]);
    expect(Object.fromEntries(classes)).toEqual({ rpc: '200 refusal', rest: '4xx' });
  });
});

const wording = (path: string, values: [string, string], answers: string[]) => ({
  change: { op: 'value', path, baseline: 'string', candidate: 'string', values } as SkeletonChange,
  answers: new Set(answers),
});
const member = (op: 'added' | 'removed', path: string, answers: string[]) => ({
  change: { op, path, baseline: '-', candidate: 'object' } as SkeletonChange,
  answers: new Set(answers),
});

describe.each([
  { name: 'a JSON-RPC error', object: '/error', message: 'message', gained: 'trace', lost: 'data' },
  { name: 'a fault', object: '/fault', message: 'faultString', gained: 'origin', lost: 'detail' },
])('envelopeWordings: $name', ({ object, message, gained, lost }) => {
  const envelope = [
    member('added', `${object}/${gained}`, ['a', 'b', 'c', 'd']),
    member('removed', `${object}/${lost}`, ['a', 'b', 'c']),
  ];
  const at = `${object}/${message}`;

  it('joins two wordings or more at one member, every answer the envelope’s', () => {
    const one = wording(at, ['over limit', 'exceeds the limit'], ['a']);
    const two = wording(at, ['no such call', 'call does not exist'], ['b', 'd']);
    expect(envelopeWordings([...envelope, one, two], [envelope])).toEqual([[one, two]]);
  });

  it('keeps apart a wording seen where the envelope did not change, another member’s, a status named', () => {
    const one = wording(at, ['over limit', 'exceeds the limit'], ['a']);
    const elsewhere = wording(at, ['name taken', 'name in use'], ['b', 'e']);
    const deeper = wording(`${object}/${lost}/${message}`, ['revert', 'reverted'], ['c']);
    const phrase = wording(at, ['page too big', 'Not Found'], ['c']);
    const seen = [...envelope, one, elsewhere, deeper, phrase];
    expect(envelopeWordings(seen, [envelope])).toEqual([]);
  });
});
