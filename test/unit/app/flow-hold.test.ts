import { describe, expect, it } from 'vitest';
import { createFlowHold, type HeldStep } from '../../../src/app/flow-hold.js';
import type { Case } from '../../../src/model/case.js';
import type { Exchange } from '../../../src/model/exchange.js';
import type { Variables } from '../../../src/model/flow.js';
import { makeCase } from '../../helpers/case.js';

const vars = (entries: Record<string, string>): Variables =>
  new Map(Object.entries(entries).map(([k, v]) => [k, { value: v, text: v }]));

function step(flow: string, index: number, steps: number): Case {
  const base = makeCase(`${flow}/s${index}`, { path: `/s${index}` });
  return {
    ...base,
    flow: {
      id: `t/${flow}`,
      step: `s${index}`,
      index,
      steps,
      captures: [],
      uses: [],
      skip: undefined,
      secrets: new Set(['key']),
    },
  };
}

/** An exchange of `testCase` whose sides hold `variables` (only what the hold reads). */
function answered(testCase: Case, variables: Record<string, string>): Exchange {
  const both = { baseline: vars(variables), candidate: vars(variables) };
  return {
    case: testCase,
    flow: {
      requests: { baseline: testCase.request, candidate: testCase.request },
      variables: both,
      problems: [],
    },
  } as unknown as Exchange;
}

const names = (released: HeldStep[]) =>
  released.map((s) => ('exchange' in s ? s.exchange.case.id : `${s.skipped.id} (skipped)`));

describe('holding a flow until its last step (secrets of the whole flow hidden in every step)', () => {
  it('releases the steps in run order once all are in, each with the last step’s variables', () => {
    const released: HeldStep[] = [];
    const hold = createFlowHold((s) => released.push(s));
    const [a, b, c] = [step('f', 0, 3), step('f', 1, 3), step('f', 2, 3)];
    hold.add(b, { position: 1, exchange: answered(b, { id: '7' }) });
    hold.add(a, { position: 0, exchange: answered(a, {}) });
    expect(released).toEqual([]);
    hold.add(c, { position: 2, skipped: c, reason: 'not sent' });
    expect(names(released)).toEqual(['t/f/s0', 't/f/s1', 't/f/s2 (skipped)']);
    for (const s of released.slice(0, 2)) {
      const flow = 'exchange' in s ? s.exchange.flow : undefined;
      expect(flow?.secretsFrom?.baseline.get('id')?.text).toBe('7');
      // The step's own variables stay as they were after its captures.
      expect(flow?.variables.baseline.size).toBe(s.position === 0 ? 0 : 1);
    }
  });

  it('passes a plain case through at once, and releases a flow cut short at rest()', () => {
    const released: HeldStep[] = [];
    const hold = createFlowHold((s) => released.push(s));
    const plain = makeCase('plain', { path: '/p' });
    hold.add(plain, { position: 5, exchange: answered(plain, {}) });
    expect(names(released)).toEqual(['t/plain']);
    const first = step('g', 0, 4);
    hold.add(first, { position: 6, exchange: answered(first, { key: 'k-123456' }) });
    expect(released).toHaveLength(1);
    hold.rest();
    expect(names(released)).toEqual(['t/plain', 't/g/s0']);
    hold.rest();
    expect(released).toHaveLength(2);
  });
});
