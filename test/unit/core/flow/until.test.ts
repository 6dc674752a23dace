import { describe, expect, it } from 'vitest';
import type { Until } from '../../../../src/contract/model/case.js';
import type { SideOutcome } from '../../../../src/contract/model/exchange.js';
import { describeUntil, untilMet } from '../../../../src/core/flow/until.js';
import { compileSafe } from '../../../../src/util/safe-regex.js';

const answer = (
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): SideOutcome => ({
  outcome: 'response',
  response: {
    status,
    headers,
    body: { kind: 'json', value, text: JSON.stringify(value) },
    wireBytes: 0,
    durationMs: 1,
  },
});

const until = (parts: Partial<Until>): Until => ({
  status: undefined,
  found: undefined,
  equals: undefined,
  tries: 10,
  intervalMs: 200,
  ...parts,
});

const at = (pointer: string) =>
  ({
    name: 'until',
    source: { kind: 'json', pointer },
    regex: undefined,
    group: undefined,
  }) as const;

describe('until', () => {
  it('is met when every part holds: the status, a value at the place, its text', () => {
    const ready = until({ status: 200, found: at('/TableStatus'), equals: 'ACTIVE' });
    expect(untilMet(ready, answer(200, { TableStatus: 'ACTIVE' }))).toEqual({ met: true });
    expect(untilMet(ready, answer(200, { TableStatus: 'CREATING' }))).toEqual({
      met: false,
      reason: '"CREATING" is not "ACTIVE"',
    });
    expect(untilMet(ready, answer(503, { TableStatus: 'ACTIVE' }))).toEqual({
      met: false,
      reason: 'it answered 503',
    });
    expect(untilMet(ready, answer(200, {}))).toEqual({
      met: false,
      reason: 'nothing at /TableStatus',
    });
  });

  it('compares a list or a number by its text, as a capture substitutes it', () => {
    const empty = until({ found: at('/names'), equals: '[]' });
    expect(untilMet(empty, answer(200, { names: [] }))).toEqual({ met: true });
    expect(untilMet(empty, answer(200, { names: ['users'] })).met).toBe(false);
    const count = until({ found: at('/count'), equals: '2' });
    expect(untilMet(count, answer(200, { count: 2 }))).toEqual({ met: true });
  });

  it('reads a header or the body text with a regex, as a capture does', () => {
    const header = until({
      found: {
        name: 'until',
        source: { kind: 'header', name: 'x-state' },
        regex: undefined,
        group: undefined,
      },
    });
    expect(untilMet(header, answer(200, {}, { 'x-state': 'ready' }))).toEqual({ met: true });
    expect(untilMet(header, answer(200, {}))).toEqual({ met: false, reason: 'no x-state header' });
    const body = until({
      found: {
        name: 'until',
        source: { kind: 'body' },
        regex: compileSafe('"done":true'),
        group: undefined,
      },
    });
    expect(untilMet(body, answer(200, { done: true }))).toEqual({ met: true });
    expect(describeUntil(body)).toBe('regex /"done":true/ over the body found');
  });

  it('is never met by a transport error', () => {
    const failed: SideOutcome = {
      outcome: 'transport-error',
      error: { code: 'ECONNRESET', message: 'reset' },
      durationMs: 1,
    };
    expect(untilMet(until({ status: 200 }), failed)).toEqual({
      met: false,
      reason: 'it failed in transport (ECONNRESET)',
    });
  });

  it('says its condition in words', () => {
    expect(describeUntil(until({ status: 200 }))).toBe('status 200');
    expect(describeUntil(until({ status: 200, found: at('/Streams/0'), equals: 'orders' }))).toBe(
      'status 200, json /Streams/0 equals "orders"',
    );
  });
});
