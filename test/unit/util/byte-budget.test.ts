import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ByteBudget } from '../../../src/util/byte-budget.js';

describe('a byte budget', () => {
  it('takes bytes up to its limit, says no past it, and takes again once given back', () => {
    const budget = ByteBudget.create(100);
    expect(budget.take(60)).toBe(true);
    expect(budget.take(40)).toBe(true);
    expect(budget.take(1)).toBe(false);
    expect(budget.held).toBe(100);
    budget.give(50);
    expect(budget.take(30)).toBe(true);
    expect(budget.held).toBe(80);
    expect(budget.peak).toBe(100);
  });

  it('takes one piece past the limit only while nothing else is held (or only the taker’s own)', () => {
    const budget = ByteBudget.create(100);
    expect(budget.take(500)).toBe(true);
    expect(budget.take(1)).toBe(false);
    budget.give(500);
    expect(budget.take(10)).toBe(true);
    expect(budget.take(500)).toBe(false);
    // The taker holds those 10 already: nothing else is held.
    expect(budget.take(500, 10)).toBe(true);
    budget.give(510);
    const strict = ByteBudget.of(budget.shared, { alone: false });
    expect(strict.take(500)).toBe(false);
    expect(strict.take(100)).toBe(true);
  });

  it('is one count across threads: a worker thread takes and gives on the same counters', async () => {
    const budget = ByteBudget.create(1000);
    expect(budget.take(400)).toBe(true);
    // The worker sees the 400 held, takes 500 (fits), then 200 (does not), and answers.
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      const slots = new BigInt64Array(workerData);
      const held = Number(Atomics.load(slots, 0));
      const take = (n) => {
        const now = Atomics.load(slots, 0);
        if (now + BigInt(n) > Atomics.load(slots, 2)) return false;
        Atomics.add(slots, 0, BigInt(n));
        return true;
      };
      parentPort.postMessage([held, take(500), take(200)]);
    `;
    const worker = new Worker(code, { eval: true, workerData: budget.shared });
    const answer = await new Promise((resolve) => worker.once('message', resolve));
    await worker.terminate();
    expect(answer).toEqual([400, true, false]);
    expect(budget.held).toBe(900);
    expect(budget.take(200)).toBe(false);
  });
});
