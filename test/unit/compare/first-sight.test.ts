/**
 * `sameAtFirstSight` settles only what `compare` would find equal without
 * normalising or diffing the bodies, and gives the very comparison `compare`
 * gives then; `judgeAtFirstSight` leaves every other exchange to `judge`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alikeAtFirstSight } from '../../../src/compare/bodies.js';
import { compare, sameAtFirstSight } from '../../../src/compare/comparison.js';
import { judge, judgeAtFirstSight } from '../../../src/compare/judge.js';
import type { ResponseBody } from '../../../src/model/exchange.js';
import { exchange, failure, response, rules, testCase } from './fixtures.js';

const text = (t: string): ResponseBody => ({ kind: 'json', value: JSON.parse(t), text: t });

describe('sameAtFirstSight', () => {
  it('gives what compare gives for one status, the same headers and the same JSON bytes', () => {
    const alike = exchange(response(200, text('{"a":1}')), response(200, text('{"a":1}')));
    expect(sameAtFirstSight(alike)).toEqual(compare(alike));
    expect(judgeAtFirstSight(alike)).toEqual(judge(alike));
    const empty = exchange(response(204, { kind: 'empty' }), response(204, { kind: 'empty' }));
    expect(sameAtFirstSight(empty)).toEqual(compare(empty));
  });

  it('settles nothing that differs at first sight, even when it compares equal', () => {
    const cases = [
      // another status
      exchange(response(200, text('{}')), response(201, text('{}'))),
      // a compared header
      exchange(
        response(200, text('{}'), { 'content-type': 'application/json' }),
        response(200, text('{}'), { 'content-type': 'text/plain' }),
      ),
      // other bytes, the same value (key order): equal, but only after parsing
      exchange(response(200, text('{"a":1,"b":2}')), response(200, text('{"b":2,"a":1}'))),
      // a body without its text
      exchange(response(200, { kind: 'json', value: {} }), response(200, text('{}'))),
      // a transport error
      exchange(failure('ECONNRESET', 'reset'), response(200, text('{}'))),
      // rules that read alike bodies too
      exchange(
        response(200, text('{}')),
        response(200, text('{}')),
        testCase({ rules: rules({ keyCaseFold: true }) }),
      ),
      exchange(
        response(200, text('{}')),
        response(200, text('{}')),
        testCase({ rules: rules({ nullEqualsAbsent: true }) }),
      ),
    ];
    for (const differing of cases) {
      expect(sameAtFirstSight(differing)).toBeUndefined();
      expect(judgeAtFirstSight(differing)).toEqual({ verdict: 'unsettled' });
    }
  });

  it('agrees with compare on any pair of answers it settles', () => {
    const body = fc.oneof(
      fc.constant<ResponseBody>({ kind: 'empty' }),
      fc.jsonValue().map((v) => text(JSON.stringify(v))),
      fc.string().map((t): ResponseBody => ({ kind: 'text', text: t })),
    );
    const side = fc.record({
      status: fc.constantFrom(200, 404),
      body,
      type: fc.constantFrom('application/json', 'text/plain'),
    });
    let settledSome = 0;
    fc.assert(
      // Half the pairs answer alike (the same bytes), half independently.
      fc.property(side, side, fc.boolean(), fc.boolean(), (b, other, same, fold) => {
        const c = same ? b : other;
        const pair = exchange(
          response(b.status, b.body, { 'content-type': b.type }),
          response(c.status, c.body, { 'content-type': c.type }),
          testCase({ rules: rules({ keyCaseFold: fold }) }),
        );
        const settled = sameAtFirstSight(pair);
        if (settled !== undefined) {
          settledSome++;
          expect(settled).toEqual(compare(pair));
        }
        if (alikeAtFirstSight(b.body, c.body)) expect(compare(pair)?.body).toEqual([]);
      }),
      { numRuns: 500 },
    );
    // Not vacuous: the generator reaches the settled path.
    expect(settledSome).toBeGreaterThan(25);
  });
});
