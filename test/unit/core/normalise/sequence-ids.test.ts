import { describe, expect, it } from 'vitest';
import type { Case } from '../../../../src/contract/model/case.js';
import type { Exchange, SideOutcome } from '../../../../src/contract/model/exchange.js';
import {
  createSequenceIds,
  integerOf,
  isIncreasing,
  sequenceToken,
} from '../../../../src/core/normalise/sequence-ids.js';
import { makeCase } from '../../../helpers/case.js';

const side = (value: unknown, status = 201): SideOutcome => ({
  outcome: 'response',
  response: { status, headers: {}, body: { kind: 'json', value }, wireBytes: 1, durationMs: 1 },
});
const body = (s: SideOutcome) =>
  s.outcome === 'response' && s.response.body.kind === 'json' ? s.response.body.value : undefined;

interface Write {
  readonly id: string;
  readonly sent?: unknown;
  readonly b: unknown;
  readonly c: unknown;
  readonly method?: 'POST' | 'GET' | 'PUT';
  readonly status?: readonly [number, number];
  readonly serial?: string | false;
}

function exchange(w: Write): Exchange {
  const base: Case = makeCase(w.id, {
    method: w.method ?? 'POST',
    path: '/records',
    body: w.sent === undefined ? { kind: 'none' } : { kind: 'json', value: w.sent },
  });
  const serial = w.serial ?? 'cases/s.yaml';
  return {
    case: serial === false ? base : { ...base, serial },
    baseline: side(w.b, w.status?.[0]),
    candidate: side(w.c, w.status?.[1]),
  };
}

/** Every write of `writes` through one memory; the last exchange, and the proven places. */
function run(writes: readonly Write[]) {
  const memory = createSequenceIds();
  const out = writes.map((w) => memory.apply(exchange(w)));
  return { out, proven: memory.proven() };
}

describe('numbers each side gives its own writes', () => {
  it('are a sequence: distinct integers strictly increasing, two at least', () => {
    expect(isIncreasing([1, 2, 5])).toBe(true);
    expect(isIncreasing([1])).toBe(false);
    expect(isIncreasing([2, 1])).toBe(false);
    expect(isIncreasing([3, 3])).toBe(false);
    expect(integerOf('1002')).toBe(1002);
    expect(integerOf(2.5)).toBeUndefined();
    expect(integerOf('b-12')).toBeUndefined();
  });

  it('are proven per-instance by the run’s writes, and their echoes compare as one reference', () => {
    const { out, proven } = run([
      { id: 's/a', sent: { name: 'a' }, b: { id: 1, name: 'a' }, c: { id: 1001, name: 'a' } },
      { id: 's/b', sent: { name: 'b' }, b: { id: 2, name: 'b' }, c: { id: 1002, name: 'b' } },
      // Only the candidate accepts: its numbers go on, the baseline's do not.
      { id: 's/x', sent: { name: 'x' }, b: { error: 'no' }, c: { id: 1003 }, status: [400, 201] },
      { id: 's/c', sent: { name: 'c' }, b: { id: 3, name: 'c' }, c: { id: 1004, name: 'c' } },
      {
        id: 's/list',
        method: 'GET',
        b: { items: [{ id: 1 }, { id: 2 }, { id: 3 }] },
        c: { items: [{ id: 1001 }, { id: 1002 }, { id: 1003 }, { id: 1004 }] },
        status: [200, 200],
      },
    ]);
    // The first two writes were judged before the evidence: the run judges them again.
    expect(proven).toEqual(
      new Map([
        ['t/s/a', ['/id']],
        ['t/s/b', ['/id']],
        ['t/s/c', ['/id']],
      ]),
    );
    // The third is known at once: both sides' numbers are one token.
    expect(out[3]?.sequenced).toEqual(['/id']);
    expect(body(out[3]?.baseline ?? side(0))).toEqual({ id: sequenceToken(3), name: 'c' });
    // The list: each side's records by their own numbers; the candidate's extra keeps its own.
    const list = out[4];
    expect(body(list?.baseline ?? side(0))).toEqual({
      items: [{ id: sequenceToken(1) }, { id: sequenceToken(2) }, { id: sequenceToken(3) }],
    });
    expect(body(list?.candidate ?? side(0))).toEqual({
      items: [
        { id: sequenceToken(1) },
        { id: sequenceToken(2) },
        { id: 1003 },
        { id: sequenceToken(3) },
      ],
    });
  });

  it('keep their rows when the numbers are not a sequence each side numbers itself', () => {
    // A computed total that does not grow with the writes on one side.
    const totals = run([
      { id: 's/a', sent: { items: [3, 4] }, b: { total: 7 }, c: { total: 8 } },
      { id: 's/b', sent: { items: [1, 1] }, b: { total: 2 }, c: { total: 3 } },
    ]);
    expect(totals.proven.size).toBe(0);
    // A number echoed from the input (with another number on the other side): data.
    const echoedInput = run([
      { id: 's/a', sent: { score: 5 }, b: { score: 5 }, c: { score: 6 } },
      { id: 's/b', sent: { score: 9 }, b: { score: 9 }, c: { score: 10 } },
    ]);
    expect(echoedInput.proven.size).toBe(0);
    // One side's numbers repeat.
    const repeat = run([
      { id: 's/a', b: { id: 1 }, c: { id: 7 } },
      { id: 's/b', b: { id: 2 }, c: { id: 7 } },
    ]);
    expect(repeat.proven.size).toBe(0);
    // One side's numbers go down.
    const down = run([
      { id: 's/a', b: { id: 1 }, c: { id: 9 } },
      { id: 's/b', b: { id: 2 }, c: { id: 8 } },
    ]);
    expect(down.proven.size).toBe(0);
    // One write only: no sequence yet.
    expect(run([{ id: 's/a', b: { id: 1 }, c: { id: 1001 } }]).proven.size).toBe(0);
    // Plain cases outside a sequence: their send order is not known.
    const plain = run([
      { id: 's/a', b: { id: 1 }, c: { id: 1001 }, serial: false },
      { id: 's/b', b: { id: 2 }, c: { id: 1002 }, serial: false },
    ]);
    expect(plain.proven.size).toBe(0);
    // Reads are not writes: numbers a GET answers are never a sequence of their own.
    const reads = run([
      { id: 's/a', method: 'GET', b: { n: 1 }, c: { n: 1001 }, status: [200, 200] },
      { id: 's/b', method: 'GET', b: { n: 2 }, c: { n: 1002 }, status: [200, 200] },
    ]);
    expect(reads.proven.size).toBe(0);
  });

  it('are echoed only at a member of the same name: another number of equal value is data', () => {
    const { out } = run([
      { id: 's/a', b: { id: 1 }, c: { id: 1001 } },
      { id: 's/b', b: { id: 2 }, c: { id: 1002 } },
      {
        id: 's/read',
        method: 'GET',
        b: { id: 2, score: 1 },
        c: { id: 1002, score: 1001 },
        status: [200, 200],
      },
    ]);
    expect(out[2]?.sequenced).toEqual(['/id']);
    expect(body(out[2]?.candidate ?? side(0))).toEqual({ id: sequenceToken(2), score: 1001 });
  });
});
