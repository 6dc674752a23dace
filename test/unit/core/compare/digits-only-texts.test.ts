/**
 * Rule 9, reviewed in session sixteen (issue 43): two whole texts that
 * differ in their digits alone were one difference whatever the digits
 * (their digits elided, no line on either side), so a release stamp, a
 * count and a clock's unit, or one page's version and another's limit, on
 * several endpoints, were one row. Two bare numbers are keyed by their
 * pair, as rule 1 keys a value; other texts by the lines whose numbers
 * differ, digits elided (a page stamped per request is still one page).
 * A tracker's row of the one key before is each one's earlier key.
 */
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../src/contract/observation.js';
import {
  differenceBeforeDigits,
  hashOf,
  textDifference,
} from '../../../../src/core/compare/text-bodies.js';

const whole = (baseline: string, candidate: string): Change => ({
  path: '',
  op: 'value',
  baseline,
  candidate,
});

const TYPE = 'text/plain';
const key = (b: string, c: string) => textDifference(whole(b, c), TYPE, {});

describe('two whole texts that differ in their digits alone', () => {
  it('are keyed by their pair where each is a bare number: one pair recurs, two are two', () => {
    expect(key('20240101', '20240315')).toBe(key('20240101\n', '20240315\n'));
    expect(key('20240101', '20240315')).not.toBe(key('3', '4'));
    expect(key('1764424000', '1764424000123')).not.toBe(key('1024', '2048'));
    expect(key('3', '4')).toMatch(/^text\|text\/plain\|/);
  });

  it('are keyed by the lines whose numbers differ, their digits elided', () => {
    // A page stamped per request is one page; a limit is another line, another difference.
    const stamped = (at: string) => `<h1>Not Found</h1>\n<p>at ${at}</p>`;
    expect(key(stamped('13:00:01'), stamped('13:00:02'))).toBe(
      key(stamped('14:10:11'), stamped('09:01:00')),
    );
    expect(key('pool_size=10', 'pool_size=20')).toBe(key('pool_size=4', 'pool_size=8'));
    expect(key('pool_size=10', 'pool_size=20')).not.toBe(key('version 1.2', 'version 1.3'));
    expect(key('pool_size=10', 'pool_size=20')).not.toBe(key('3', '4'));
  });

  it('leave a text that differs in words as it was', () => {
    expect(key('page 1 of 3', 'Page 1 of 3')).toBe(key('page 2 of 9', 'Page 2 of 9'));
    expect(differenceBeforeDigits(whole('page 1', 'Page 1'), key('page 1', 'Page 1') ?? '')).toBe(
      undefined,
    );
  });

  it('had one key, their digits elided, in a tracker written before', () => {
    const before = `text|${TYPE}|${hashOf([TYPE, [], []])}`;
    for (const [b, c] of [
      ['20240101', '20240315'],
      ['3', '4'],
      ['pool_size=10', 'pool_size=20'],
    ] as const) {
      expect(differenceBeforeDigits(whole(b, c), key(b, c) ?? '')).toBe(before);
    }
  });
});
