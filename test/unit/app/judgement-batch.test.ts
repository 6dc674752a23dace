import { describe, expect, it } from 'vitest';
import { createJudgementBatch } from '../../../src/app/judgement-batch.js';
import type { PendingJudgement } from '../../../src/judge/stage.js';

/** A held exchange, told apart by its position only. */
const held = { pending: {} } as unknown as PendingJudgement;

function batch(limits = { size: 3, steps: 5 }) {
  const judged: number[] = [];
  return { judged, batch: createJudgementBatch((_, position) => judged.push(position), limits) };
}

describe('a batch of held judgements', () => {
  it('judges them in the order they were held once it is full', () => {
    const { judged, batch: b } = batch();
    b.hold(held, 7);
    b.hold(held, 2);
    expect(judged).toEqual([]);
    b.hold(held, 9);
    expect(judged).toEqual([7, 2, 9]);
    b.hold(held, 10);
    expect(judged).toEqual([7, 2, 9]);
  });

  it('judges them once the first waited its steps, and not while none is held', () => {
    const { judged, batch: b } = batch();
    b.stepped(100);
    b.hold(held, 1);
    b.stepped(4);
    expect(judged).toEqual([]);
    b.stepped(1);
    expect(judged).toEqual([1]);
    // The count starts again with the next one held.
    b.hold(held, 2);
    b.stepped(4);
    expect(judged).toEqual([1]);
  });

  it('judges every one held when asked, once', () => {
    const { judged, batch: b } = batch();
    b.hold(held, 4);
    b.hold(held, 5);
    b.flush();
    b.flush();
    expect(judged).toEqual([4, 5]);
  });

  it('judges none twice when a judgement throws', () => {
    let calls = 0;
    const b = createJudgementBatch(
      () => {
        calls++;
        throw new Error('judging failed');
      },
      { size: 10, steps: 10 },
    );
    b.hold(held, 1);
    expect(() => b.flush()).toThrow('judging failed');
    b.flush();
    expect(calls).toBe(1);
  });
});
