/**
 * Lists each side draws from a pool its sequence sent (tracker rule 50): a
 * side that listed two of the pool's values in both orders draws its order;
 * a pick of one value of three that is neither the first nor the last sent
 * is drawn; kept apart: a pool of one value, an element that differs beside
 * its value, a plain case, two lengths. Two shapes: `host:port` strings
 * after announces by query, and `{id, seat}` records after joins by JSON.
 */
import { describe, expect, it } from 'vitest';
import type { CaseRequest } from '../../../../src/contract/model/case.js';
import type { Exchange, SideOutcome } from '../../../../src/contract/model/exchange.js';
import { createDrawnPicks, namedValuesSent } from '../../../../src/core/normalise/drawn-picks.js';
import { makeCase } from '../../../helpers/case.js';

const side = (value: unknown): SideOutcome => ({
  outcome: 'response',
  response: {
    status: 200,
    headers: {},
    body: { kind: 'json', value },
    wireBytes: 1,
    durationMs: 1,
  },
});

function exchange(
  id: string,
  a: unknown,
  b: unknown,
  request: Partial<CaseRequest> & { path: string },
  serial: string | undefined = 'cases/seq.yaml',
): Exchange {
  const base = makeCase(id, request);
  return {
    case: serial === undefined ? base : { ...base, serial },
    baseline: side(a),
    candidate: side(b),
  };
}

const announce = (id: string, port: string, a: unknown, b: unknown, serial?: string) =>
  exchange(
    id,
    a,
    b,
    {
      method: 'GET',
      path: '/announce',
      query: [
        ['port', port],
        ['left', '0'],
      ],
    },
    serial,
  );
const peer = (port: string) => `10.0.0.9:${port}`;

const join = (id: string, name: string, a: unknown, b: unknown) =>
  exchange(id, a, b, {
    method: 'POST',
    path: '/tables/join',
    body: { kind: 'json', value: { guest: name, seat: 2 } },
  });

function listOf(exchange: Exchange, side: 'baseline' | 'candidate'): unknown {
  const outcome = exchange[side];
  if (outcome.outcome !== 'response' || outcome.response.body.kind !== 'json') return undefined;
  return outcome.response.body.value;
}

describe('lists drawn from a pool the sequence sent', () => {
  it('names the values a request sent: query, JSON members; short ones left out', () => {
    expect(
      namedValuesSent(
        makeCase('x', {
          method: 'GET',
          path: '/a',
          query: [
            ['port', '6881'],
            ['n', '1'],
          ],
        }).request,
      ),
    ).toEqual([['port', '6881']]);
    expect(
      namedValuesSent(
        makeCase('x', {
          method: 'POST',
          path: '/a',
          body: { kind: 'json', value: { guest: 'ada', seat: 12, x: { name: 'grace' } } },
        }).request,
      ),
    ).toEqual([
      ['guest', 'ada'],
      ['name', 'grace'],
    ]);
  });

  it('a side that listed two peers in both orders draws its order: compared as the baseline', () => {
    const picks = createDrawnPicks();
    const steps = [
      announce('one', '6881', { peers: [peer('6881')] }, { peers: [peer('6881')] }),
      announce(
        'two',
        '6882',
        { peers: [peer('6881'), peer('6882')] },
        { peers: [peer('6881'), peer('6882')] },
      ),
    ];
    for (const step of steps) picks.add(step);
    const third = announce(
      'three',
      '6883',
      { peers: [peer('6881'), peer('6882')] },
      { peers: [peer('6882'), peer('6881')] },
    );
    const out = picks.apply(third);
    expect(listOf(out, 'candidate')).toEqual({ peers: [peer('6881'), peer('6882')] });
    expect(out.generated?.[0]).toMatch(
      /^\/peers \(each side's list drawn from a pool its sequence sent: 2 of the 3 values of `port`.*both orders/,
    );
  });

  it('two peers in another order with no other evidence keep their order', () => {
    const picks = createDrawnPicks();
    picks.add(announce('one', '6881', {}, {}));
    const out = picks.apply(
      announce(
        'two',
        '6882',
        { peers: [peer('6881'), peer('6882')] },
        { peers: [peer('6882'), peer('6881')] },
      ),
    );
    expect(out.generated).toBeUndefined();
  });

  it('a pick of the middle one of three records joined is drawn; an element changed beside it is not', () => {
    const picks = createDrawnPicks();
    for (const [i, name] of ['ada', 'grace', 'edsger'].entries())
      picks.add(join(`j${i}`, name, { ok: true }, { ok: true }));
    const read = (a: unknown, b: unknown) =>
      exchange('read', a, b, { method: 'GET', path: '/tables/guests' });
    const out = picks.apply(read([{ id: 'ada', seat: 2 }], [{ id: 'grace', seat: 2 }]));
    expect(listOf(out, 'candidate')).toEqual([{ id: 'ada', seat: 2 }]);
    // The first against the last sent: a choice the order explains, kept.
    expect(
      picks.apply(read([{ id: 'ada', seat: 2 }], [{ id: 'edsger', seat: 2 }])).generated,
    ).toBeUndefined();
    // The same guest with another seat beside a drawn one: a real change.
    expect(
      picks.apply(
        read(
          [
            { id: 'ada', seat: 2 },
            { id: 'grace', seat: 2 },
          ],
          [
            { id: 'grace', seat: 3 },
            { id: 'ada', seat: 2 },
          ],
        ),
      ).generated,
    ).toBeUndefined();
    // Two lengths: one side leaves one out.
    expect(picks.apply(read([{ id: 'grace', seat: 2 }], [])).generated).toBeUndefined();
    // A guest nobody joined.
    expect(
      picks.apply(read([{ id: 'ada', seat: 2 }], [{ id: 'alan', seat: 2 }])).generated,
    ).toBeUndefined();
  });

  it('a pool of one value, and a plain case, prove nothing', () => {
    const picks = createDrawnPicks();
    picks.add(announce('one', '6881', {}, {}));
    expect(
      picks.apply(announce('two', '6881', { peers: [peer('6881')] }, { peers: [] })).generated,
    ).toBeUndefined();
    const plain = createDrawnPicks();
    const out = plain.apply(
      announce('p', '6883', { peers: [peer('6882')] }, { peers: [peer('6881')] }, undefined),
    );
    expect(out.generated).toBeUndefined();
  });
});
