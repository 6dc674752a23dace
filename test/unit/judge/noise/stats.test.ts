import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../../src/contract/observation.js';
import { createRedactor } from '../../../../src/core/redact/redact.js';
import { DEFAULT_THRESHOLDS } from '../../../../src/io/config/noise-settings.js';
import { maskComparison, masksChange } from '../../../../src/judge/noise/mask.js';
import { createNoiseTally, isRealDivergence } from '../../../../src/judge/noise/stats.js';
import { maskObservation } from '../../../../src/judge/results/judged-again.js';
import { divergentObservation } from '../../../helpers/divergent.js';
import { findingsFor } from '../../../helpers/findings.js';

const finding = (pattern: string) =>
  ({ kind: 'value', pattern, sample: { baseline: 1, replica: 2 } }) as const;

describe("Diffy's rule", () => {
  it('needs raw differences to clearly exceed noise, relatively and absolutely', () => {
    expect(isRealDivergence(10, 0, 10, DEFAULT_THRESHOLDS)).toBe(true);
    expect(isRealDivergence(10, 9, 10, DEFAULT_THRESHOLDS)).toBe(false); // 1/19 < 20%
    expect(isRealDivergence(10, 5, 10, DEFAULT_THRESHOLDS)).toBe(true); // 5/15 > 20%
    expect(isRealDivergence(3, 3, 10, DEFAULT_THRESHOLDS)).toBe(false);
    expect(isRealDivergence(10, 5, 10, { relative: 0.5, absolute: 0 })).toBe(false);
    expect(isRealDivergence(2, 0, 10_000, { relative: 0.2, absolute: 0.001 })).toBe(false);
  });

  it('decides per endpoint and path from the recorded cases', () => {
    const tally = createNoiseTally();
    for (let i = 0; i < 10; i++) {
      tally.record({
        endpoint: 'GET /a',
        findings: i < 8 ? [finding('/ts')] : [],
        raw: new Set(['value /ts', ...(i === 0 ? ['value /status'] : [])]),
      });
    }
    for (let i = 0; i < 10; i++) {
      tally.record({
        endpoint: 'GET /b',
        findings: i === 0 ? [finding('/status')] : [],
        raw: new Set(['value /status']),
      });
    }
    const entries = tally.entries(DEFAULT_THRESHOLDS);
    expect(
      entries.map((e) => [e.endpoint, e.path, e.noisyCases, e.divergentCases, e.decision]),
    ).toEqual([
      ['GET /a', '/ts', 8, 10, 'noise'],
      ['GET /b', '/status', 1, 10, 'divergence'],
    ]);
  });
});

describe('masking', () => {
  it.each([
    ['/ts and /status', 'GET /a', 'value /ts', 'value /status', '/ts'],
    ['a price and a header', 'POST /orders/:id', 'value /items/0/price', 'header etag', '/items'],
  ])(
    'keeps each distinct skeleton once, counted per case (%s): memory by shapes, not by cases',
    (_, endpoint, first, second, noisy) => {
      const tally = createNoiseTally();
      for (let i = 0; i < 1000; i++) {
        tally.record({
          endpoint,
          findings: i % 10 === 0 ? [finding(noisy)] : [],
          // One shape, a fresh Set each time, its entries in either order.
          raw: new Set(i % 2 === 0 ? [first, second] : [second, first]),
        });
      }
      expect(tally.skeletons()).toBe(1);
      tally.record({ endpoint, findings: [], raw: new Set([second]) });
      expect(tally.skeletons()).toBe(2);
      // Counted as the cases were, whatever their number held.
      const entry = tally.entries(DEFAULT_THRESHOLDS).find((e) => e.path === noisy);
      expect(entry).toMatchObject({ cases: 1001, noisyCases: 100, divergentCases: 1000 });
    },
  );

  it('drops changes at or under a pattern, moved elements of order noise, and header names', () => {
    const mask = { values: ['/items/*/ts'], orders: ['/tags'], headers: ['etag'] };
    expect(masksChange(mask, { path: '/items/3/ts', op: 'value' })).toBe(true);
    expect(masksChange(mask, { path: '/items/3/ts/ms', op: 'added' })).toBe(true);
    expect(masksChange(mask, { path: '/items/3', op: 'removed' })).toBe(false);
    expect(masksChange(mask, { path: '/tags/2', op: 'moved' })).toBe(true);
    expect(masksChange(mask, { path: '/tags/2', op: 'value' })).toBe(false);
    const masked = maskComparison(
      {
        status: { equal: true, baseline: 200, candidate: 200 },
        headers: [{ name: 'etag', baseline: 'a', candidate: 'b' }],
        body: [{ path: '/items/0/ts', op: 'value', baseline: 1, candidate: 2 }],
      },
      mask,
    );
    expect(masked.body).toEqual([]);
    expect(masked.headers).toEqual([]);
  });

  it('re-judges a result whose only changes are noise as equal, without repro or bodies', () => {
    const CHANGES = [
      { path: '/ts', op: 'value', baseline: 1, candidate: 2 },
      { path: '/email', op: 'removed', baseline: 'x' },
    ] as const;
    const result: Observation = divergentObservation({
      caseId: 't/a',
      suite: 't',
      endpoint: 'GET /a',
      request: { method: 'GET', path: '/a' },
      kinds: ['value', 'shape'],
      fingerprint: 'f',
      findings: findingsFor({ endpoint: 'GET /a', status: [200, 200], changes: CHANGES }),
      changes: CHANGES,
      repro: { baseline: 'curl a', candidate: 'curl b' },
      bodies: { baseline: {}, candidate: {} },
    });
    const redact = createRedactor({ headerNames: [], secrets: new Map() });
    const partly = maskObservation(result, { values: ['/ts'], orders: [], headers: [] }, redact);
    expect(partly.verdict).toBe('divergent');
    expect(partly.kinds).toEqual(['shape']);
    expect(partly.fingerprint).not.toBe('f');
    // The finding the mask removed is gone; the other keeps its fingerprint.
    const kept = result.findings.filter((f) => f.paths.includes('/email'));
    expect(partly.findings?.map((f) => f.fingerprint)).toEqual(kept.map((f) => f.fingerprint));
    expect(partly.repro).toBeDefined();
    // A noisy field's value is noise; the field gone on one side is a shape change, kept.
    const gone = maskObservation(
      result,
      { values: ['/ts', '/email'], orders: [], headers: [] },
      redact,
    );
    expect(gone).toMatchObject({ verdict: 'divergent', kinds: ['shape'] });
    const onlyValues: Observation = {
      ...result,
      kinds: ['value'],
      findings: findingsFor({ endpoint: 'GET /a', status: [200, 200], changes: [CHANGES[0]] }),
      changes: [CHANGES[0]],
    };
    const all = maskObservation(onlyValues, { values: ['/ts'], orders: [], headers: [] }, redact);
    expect(all).toMatchObject({ verdict: 'equal', kinds: [] });
    expect(all.changes).toBeUndefined();
    expect(all.fingerprint).toBeUndefined();
    expect(all.repro).toBeUndefined();
    expect(all.bodies).toBeUndefined();
  });
});
