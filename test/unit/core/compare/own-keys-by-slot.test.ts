/**
 * Records whose array keys each side made for itself (an id drawn per
 * instance) pair nothing by key: where a removed and an added record of one
 * slot are the same record but for the key, they are compared with each
 * other, so what changed inside shows at its member and the keys' own
 * difference at the key, never as a whole list lacked and added. Records
 * with nothing in common stay removed and added.
 */
import { describe, expect, it } from 'vitest';
import { diffJson } from '../../../../src/core/compare/delta.js';

const ops = (changes: readonly { op: string; path: string }[]) =>
  changes.map((c) => `${c.op} ${c.path}`);

describe('records named by keys each side drew', () => {
  it('compares messages by slot, their envelope change at its member (fixture: messages)', () => {
    const baseline = [
      { id: 'qwhzrkvbtm', subject: 'Lunch', envelope: { from: 'a@x' } },
      { id: 'plmxcnvbzt', subject: 'Invoice', envelope: { from: 'b@x' } },
    ];
    const candidate = [
      { id: 'dkfjtrwzqp', subject: 'Lunch', envelope: { from: '' } },
      { id: 'vbnmxzlkjh', subject: 'Invoice', envelope: { from: 'b@x' } },
    ];
    expect(ops(diffJson(baseline, candidate, { arrayKeys: ['id'], tolerance: [] }))).toEqual([
      'value /0/envelope/from',
      'value /0/id',
      'value /1/id',
    ]);
  });

  it('pairs the others where one key is shared (a captured one), an extra still added (fixture: tickets)', () => {
    const rules = { arrayKeys: ['ref'], tolerance: [] };
    const baseline = [
      { ref: '{{key}}', title: 'a', state: 'open' },
      { ref: 'KpQzWmRtXvBn', title: 'b', state: 'open' },
    ];
    const candidate = [
      { ref: '{{key}}', title: 'a', state: 'open' },
      { ref: 'TyHgFdSaLkJm', title: 'b', state: 'closed' },
      { ref: 'ZxCvBnMqWeRt', title: 'c', state: 'open' },
    ];
    expect(ops(diffJson(baseline, candidate, rules))).toEqual([
      'value /1/ref',
      'value /1/state',
      'added /2',
    ]);
  });

  it('keeps records with nothing in common removed and added', () => {
    const baseline = [{ id: 'qwhzrkvbtm', subject: 'Lunch' }];
    const candidate = [{ id: 'dkfjtrwzqp', subject: 'Dinner' }];
    expect(ops(diffJson(baseline, candidate, { arrayKeys: ['id'], tolerance: [] }))).toEqual([
      'removed /0',
      'added /0',
    ]);
  });
});
