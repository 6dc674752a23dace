/**
 * An answer both sides wrote alike where they are compared skips the run's
 * per-instance normalisers (`core/normalise/alike.ts`, `engine/run/run-intake.ts`).
 * That holds only while each of them passes such an answer unchanged and
 * teaches the memories after them nothing: checked here on two fixtures with
 * other field names, and on any JSON body and headers (fast-check). A
 * normaliser that starts to act on alike answers fails this test, and the
 * intake must then stop skipping it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Exchange, Response } from '../../../../src/contract/model/exchange.js';
import { answeredAlike } from '../../../../src/core/normalise/alike.js';
import { maskDerivedRevisions } from '../../../../src/core/normalise/derived.js';
import { createDerivedEtags } from '../../../../src/core/normalise/derived-etags.js';
import { createDrawnOrder } from '../../../../src/core/normalise/drawn-order.js';
import { maskGeneratedValues } from '../../../../src/core/normalise/generated.js';
import { alignOwnKeyOrders } from '../../../../src/core/normalise/own-key-order.js';
import { createReferenceMemory } from '../../../../src/core/normalise/references.js';
import { createSamePairs } from '../../../../src/core/normalise/same-pairs.js';
import { createSequenceIds } from '../../../../src/core/normalise/sequence-ids.js';
import { makeCase } from '../../../helpers/case.js';

const response = (value: unknown, headers: Record<string, string>, status = 200): Response => ({
  status,
  headers,
  body: { kind: 'json', value },
  wireBytes: 1,
  durationMs: 1,
});

/** Both sides answered `value` (one object, as a body of the same bytes is decoded once) with `headers`. */
function alike(value: unknown, headers: Record<string, string>, path = '/x'): Exchange {
  const body = { kind: 'json', value } as const;
  const side = (): Exchange['baseline'] => ({
    outcome: 'response',
    response: { ...response(value, { ...headers }), body },
  });
  return {
    case: makeCase('c', { path, method: 'POST' }, { headers: ['etag', 'x-revision'] }),
    baseline: side(),
    candidate: side(),
  };
}

/** What the intake would do for `exchange` past its first reading, and what the memories learn. */
function normalisedAndLearned(exchange: Exchange) {
  const references = createReferenceMemory();
  const sequences = createSequenceIds();
  const drawnOrder = createDrawnOrder();
  const samePairs = createSamePairs();
  const etags = createDerivedEtags();
  const ordered = alignOwnKeyOrders(exchange, { rpc: true });
  const echoes = sequences.apply(references.apply(ordered));
  const judged = maskDerivedRevisions(echoes);
  etags.add(echoes, judged);
  const out = drawnOrder.apply(maskGeneratedValues(judged, { rpc: true }));
  samePairs.add(judged, out);
  drawnOrder.add(judged, out);
  return {
    out,
    learned: {
      echoOrigins: references.echoOrigins().size,
      sequenced: sequences.proven().size,
      derivedEtags: etags.proven().size,
    },
  };
}

const FIXTURES = [
  {
    name: 'an order with a uuid, a revision and an etag',
    value: {
      orderId: '7f3c1a52-9a4e-4b7e-8c55-0e1f2a3b4c5d',
      _rev: '3-a1b2c3d4e5f6a7b8',
      lines: [{ sku: 'A-1', qty: 2 }],
      placedAt: '2026-11-28T07:00:00Z',
    },
    headers: { etag: '"a1b2c3"', 'content-type': 'application/json' },
  },
  {
    name: 'an account with a token, a version and a revision header',
    value: {
      account: { handle: 'ada', token: 'tk_9Zq81LmPa0x7', serverVersion: '2.4.1' },
      ids: [101, 102, 103],
    },
    headers: { 'x-revision': '17', location: '/accounts/ada' },
  },
];

describe('an answer both sides wrote alike', () => {
  it.each(FIXTURES)('$name passes every normaliser unchanged, teaching nothing', (f) => {
    const exchange = alike(f.value, f.headers);
    expect(answeredAlike(exchange)).toBe(true);
    const { out, learned } = normalisedAndLearned(exchange);
    expect(out).toBe(exchange);
    expect(learned).toEqual({ echoOrigins: 0, sequenced: 0, derivedEtags: 0 });
  });

  it('does so for any JSON body and any headers', () => {
    const headers = fc.dictionary(
      fc.constantFrom('etag', 'x-revision', 'location', 'date', 'x-request-id'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), headers, (value, h) => {
        const exchange = alike(value, h);
        expect(answeredAlike(exchange)).toBe(true);
        expect(normalisedAndLearned(exchange).out).toBe(exchange);
      }),
      { numRuns: 300 },
    );
  });
});

describe('is not alike, and goes through every normaliser', () => {
  it.each(FIXTURES)('$name: when a compared header, the status or the body differs', (f) => {
    const exchange = alike(f.value, f.headers);
    const withCandidate = (candidate: Response): Exchange => ({
      ...exchange,
      candidate: { outcome: 'response', response: candidate },
    });
    const base = exchange.baseline.outcome === 'response' ? exchange.baseline.response : undefined;
    if (base === undefined) throw new Error('unreachable');
    const compared = Object.keys(f.headers).find((n) => n === 'etag' || n === 'x-revision') ?? '';
    expect(
      answeredAlike(withCandidate({ ...base, headers: { ...base.headers, [compared]: 'other' } })),
    ).toBe(false);
    // A header the case does not compare may differ.
    expect(
      answeredAlike(withCandidate({ ...base, headers: { ...base.headers, date: 'then' } })),
    ).toBe(true);
    expect(answeredAlike(withCandidate({ ...base, status: 201 }))).toBe(false);
    // The same JSON decoded twice (not the bytes shared): the normalisers read it.
    expect(answeredAlike(withCandidate(response(structuredClone(f.value), f.headers)))).toBe(false);
  });

  it.each(FIXTURES)('$name: in a serial sequence, or masked on one side as first read', (f) => {
    const exchange = alike(f.value, f.headers);
    expect(answeredAlike({ ...exchange, case: { ...exchange.case, serial: 'writes' } })).toBe(
      false,
    );
    expect(answeredAlike({ ...exchange, origin: ['body'] })).toBe(false);
    expect(answeredAlike({ ...exchange, stamped: ['header date'] })).toBe(false);
    expect(answeredAlike({ ...exchange, replica: exchange.baseline })).toBe(false);
  });
});
