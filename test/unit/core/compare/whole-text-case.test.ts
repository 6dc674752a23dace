/**
 * Issue 43, tracker rule 9's words: a whole text body is no enum member.
 * Two texts that differ in letter case alone are keyed `case|…` and worded
 * so, without the texts; `enum-case` still reads a member of a structured
 * body. A tracker's rows of such a body (its `enum-case` row, and its
 * difference keyed as any text before) are superseded by the body's row.
 */
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../../src/contract/model/comparison.js';
import type { Change } from '../../../../src/contract/observation.js';
import { earlierKeys } from '../../../../src/core/compare/earlier-keys.js';
import { findingsOf } from '../../../../src/core/compare/findings.js';
import { enumCase } from '../../../../src/core/compare/patterns/enum-case.js';
import { causeFingerprint } from '../../../../src/core/compare/root-cause.js';
import {
  differenceBeforeCase,
  differenceWords,
  textDifference,
} from '../../../../src/core/compare/text-bodies.js';

const whole = (baseline: string, candidate: string): Change => ({
  path: '',
  op: 'value',
  baseline,
  candidate,
});

describe('a whole text body in another letter case', () => {
  it.each([
    ['OK', 'ok', 'text/plain vs text/html', 'POST /session'],
    ['Accepted', 'ACCEPTED', 'text/csv', 'PUT /jobs/:id'],
  ])('%s vs %s (%s) on %s: its own words, no enum', (b, c, type, endpoint) => {
    const comparison: Comparison = {
      status: { equal: true, baseline: 200, candidate: 200 },
      headers: [],
      body: [whole(b, c)],
      textType: type,
    };
    const findings = findingsOf({ endpoint, comparison, requestPath: '/x' });
    expect(findings.map((f) => f.summary)).toEqual([
      `${endpoint}: body text differs in letter case only${type.includes(' vs ') ? ` (${type})` : ''}`,
    ]);
    expect(findings[0]?.cause.type).toBe('structure');
    const difference = textDifference(whole(b, c), type, {});
    expect(difference?.startsWith('case|')).toBe(true);
    expect(differenceWords(difference ?? '')).toMatch(
      /^body text differs in letter case only, alike on several endpoints \(/,
    );
    // The tracker's rows of it before: its `enum-case` row, and its difference as any text's.
    const [finding] = findings;
    const earlier = earlierKeys({
      endpoint,
      findings,
      changes: comparison.body,
      headerChanges: [],
      notMembers: new Set(),
    }).get(finding?.fingerprint ?? '');
    const [before, after] =
      b === 'OK' ? ['UPPER_CASE', 'lower_case'] : ['PascalCase', 'UPPER_CASE'];
    expect(earlier).toContain(
      causeFingerprint({
        type: 'pattern',
        pattern: 'enum-case',
        field: '',
        params: [before, after],
        detail: `enum values ${before} vs ${after}`,
      }),
    );
    expect(differenceBeforeCase(difference ?? '')).toMatch(/^text\|/);
  });

  it('another text (not only its case) keeps the words of any text', () => {
    expect(textDifference(whole('OK', 'okay'), 'text/plain', {})).toMatch(/^text\|/);
    expect(differenceBeforeCase('text|text/plain|abc')).toBeUndefined();
  });

  it('is still an enum value at a member of a structured body', () => {
    const member: Change = {
      path: '/status',
      op: 'value',
      baseline: 'ACTIVE',
      candidate: 'active',
    };
    expect(enumCase.recognise([member]).map((m) => m.title)).toEqual([
      '`/status` enum values UPPER_CASE vs lower_case',
    ]);
    expect(enumCase.recognise([whole('ACTIVE', 'active')])).toEqual([]);
  });
});
