import { describe, expect, it } from 'vitest';
import type { Case, Variables } from '../../../../src/contract/model/case.js';
import type { Exchange } from '../../../../src/contract/model/exchange.js';
import {
  createFlowHold,
  type HeldStep,
  withFlowSecrets,
} from '../../../../src/engine/run/flow-hold.js';
import { makeCase } from '../../../helpers/case.js';

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
  const requests = { baseline: testCase.request, candidate: testCase.request };
  return {
    case: testCase,
    flow: { requests, variables: both, problems: [] },
  } as unknown as Exchange;
}

const names = (steps: readonly HeldStep[]) =>
  steps.map((s) => ('exchange' in s ? s.exchange.case.id : `${s.skipped.id} (skipped)`));

describe('holding a flow until its last step (secrets of the whole flow hidden in every step)', () => {
  it('gives a plain case back at once and a flow once all its steps are in', () => {
    const hold = createFlowHold<string>();
    expect(hold.add(makeCase('plain', { path: '/p' }), 'plain')).toEqual(['plain']);
    const [a, b, c] = [step('f', 0, 3), step('f', 1, 3), step('f', 2, 3)];
    expect(hold.add(b, 'b')).toBeUndefined();
    expect(hold.add(a, 'a')).toBeUndefined();
    expect(hold.add(c, 'c')).toEqual(['b', 'a', 'c']);
    expect(hold.rest()).toEqual([]);
  });

  it('gives back the flows cut short at rest(), once', () => {
    const hold = createFlowHold<string>();
    expect(hold.add(step('g', 0, 4), 'g0')).toBeUndefined();
    expect(hold.add(step('h', 0, 2), 'h0')).toBeUndefined();
    expect(hold.rest()).toEqual([['g0'], ['h0']]);
    expect(hold.rest()).toEqual([]);
  });

  it('orders a run’s steps by position, each exchange with the last step’s variables', () => {
    const [a, b, c] = [step('f', 0, 3), step('f', 1, 3), step('f', 2, 3)];
    const released = withFlowSecrets([
      { position: 1, exchange: answered(b, { key: 'k-7777' }) },
      { position: 0, exchange: answered(a, {}) },
      { position: 2, skipped: c, reason: 'not sent' },
    ]);
    expect(names(released)).toEqual(['t/f/s0', 't/f/s1', 't/f/s2 (skipped)']);
    for (const s of released.slice(0, 2)) {
      const flow = 'exchange' in s ? s.exchange.flow : undefined;
      expect(flow?.secretsFrom?.baseline.get('key')?.text).toBe('k-7777');
      // The step's own variables stay as they were after its captures.
      expect(flow?.variables.baseline.size).toBe(s.position === 0 ? 0 : 1);
    }
  });
});
