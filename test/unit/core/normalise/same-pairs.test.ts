import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../../../src/contract/model/exchange.js';
import { maskGeneratedValues } from '../../../../src/core/normalise/generated.js';
import { createSamePairs } from '../../../../src/core/normalise/same-pairs.js';
import { makeCase } from '../../../helpers/case.js';
import { jsonSide } from '../../../helpers/json-side.js';

const side = jsonSide;
const exchange = (id: string, a: unknown, b: unknown): Exchange => ({
  case: makeCase(id, { path: '/' }),
  baseline: side(a),
  candidate: side(b),
});

describe('the same two per-instance values again', () => {
  for (const [name, idKey, versionKey] of [
    ['a root document', 'uuid', 'version'],
    ['a node status', 'node_id', 'release'],
  ] as const) {
    it(`${name}: remembers the pairs found per-instance, by their values, at another place only`, () => {
      const pairs = createSamePairs();
      const before = exchange(
        'server/root',
        {
          [idKey]: '3f2b8c1e-9d4a-4e6b-8c2d-1a0b9c8d7e6f',
          [versionKey]: '2.3.7',
          count: 3,
          motd: 'hi',
        },
        {
          [idKey]: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
          [versionKey]: '4.2.0',
          count: 4,
          motd: 'yo',
        },
      );
      const masked = maskGeneratedValues(before);
      expect(masked.generated).toHaveLength(2);
      pairs.add(before, masked);
      // The same two values elsewhere: the place they were found.
      expect(pairs.originOf('2.3.7', '4.2.0', 'server/config', `/vendor/${versionKey}`)).toEqual({
        caseId: 't/server/root',
        path: `/${versionKey}`,
      });
      expect(
        pairs.originOf('2.3.7', '4.2.0', 't/server/root', `/vendor/${versionKey}`),
      ).toBeDefined();
      // Not at the very place they were found, not in the other order, not another pair.
      expect(pairs.originOf('2.3.7', '4.2.0', 't/server/root', `/${versionKey}`)).toBeUndefined();
      expect(pairs.originOf('4.2.0', '2.3.7', 'server/config', '/v')).toBeUndefined();
      expect(pairs.originOf('2.3.1', '2.9.0', 'server/config', '/v')).toBeUndefined();
      // Numbers and words were never found per-instance, so never remembered.
      expect(pairs.originOf('hi', 'yo', 'server/config', '/motd')).toBeUndefined();
    });
  }
});
