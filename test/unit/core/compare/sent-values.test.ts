/** Rule 38: the values a request sent, as a refusal's reason may echo them (`sent-values.ts`). */
import { describe, expect, it } from 'vitest';
import { sentValues } from '../../../../src/core/compare/sent-values.js';
import { makeCase } from '../../../helpers/case.js';

describe('sentValues', () => {
  it('reads path segments (as sent and decoded), query values and JSON strings at any depth', () => {
    const { request } = makeCase('x', {
      method: 'POST',
      path: '/v1/bins/aisle%20North',
      query: [['calendar', 'team-offsite']],
      body: { kind: 'json', value: { Bin: { Id: 'bin_neverMade', Tags: ['cold-store'] }, n: 7 } },
    });
    expect(sentValues(request).sort()).toEqual(
      [
        'aisle North',
        'aisle%20North',
        'bin_neverMade',
        'bins',
        'cold-store',
        'team-offsite',
      ].sort(),
    );
  });

  it('reads a form body, and leaves short values and flow variables out', () => {
    const { request } = makeCase('y', {
      method: 'POST',
      path: '/',
      headers: [['content-type', 'application/x-www-form-urlencoded']],
      body: { kind: 'text', text: 'Action=SendEmail&Source=shop%40example.com&ok=no' },
    });
    expect(sentValues(request).sort()).toEqual(['SendEmail', 'shop@example.com']);
    const flow = makeCase('z', { path: '/', body: { kind: 'json', value: { pool: '{{pool}}' } } });
    expect(sentValues(flow.request)).toEqual([]);
  });
});
