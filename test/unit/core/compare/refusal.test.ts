import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../../src/contract/model/comparison.js';
import type { Change } from '../../../../src/contract/observation.js';
import { findingsOf } from '../../../../src/core/compare/findings.js';
import { reasonKey, refusalReason } from '../../../../src/core/compare/refusal.js';

const refused = (message: unknown, status: [number, number] = [400, 201]): Comparison => {
  const [baseline, candidate] = status;
  const refusing = baseline >= 400 ? 'baseline' : 'candidate';
  const change: Change =
    refusing === 'baseline'
      ? { path: '/error', op: 'removed', baseline: message }
      : { path: '/error', op: 'added', candidate: message };
  return {
    status: { equal: false, baseline, candidate },
    headers: [],
    body: [
      change,
      { path: '/id', op: refusing === 'baseline' ? 'added' : 'removed', candidate: 7, baseline: 7 },
    ],
  };
};

describe('the reason one side refused what the other accepted', () => {
  it('elides quoted values, positions, numbers and ids, and keeps the words', () => {
    expect(
      reasonKey('unknown field `Name`, expected one of `name`, `email` at line 1 column 9'),
    ).toBe('unknown field …, expected one of …');
    expect(reasonKey('invalid value: integer `300`, expected u8 at line 1 column 40')).toBe(
      'invalid value: integer …, expected u8',
    );
    expect(reasonKey('name is 70 characters long (max 64), request 8f2k1m9qa7')).toBe(
      'name is 0 characters long (max 0), request …',
    );
    expect(reasonKey('`x` 12')).toBeUndefined();
  });

  it('reads the refusing side, whichever it is, and nothing when both accepted or both refused', () => {
    expect(refusalReason(refused('trailing characters at line 1 column 20'))).toBe(
      'trailing characters',
    );
    expect(
      refusalReason(refused({ code: 'E_DUP', message: 'duplicate field `a`' }, [201, 400])),
    ).toBe('E_DUP duplicate field …');
    expect(refusalReason(refused('x', [400, 422]))).toBeUndefined();
    // A whole body: its text, never the words of its descriptor.
    const whole = (baseline: unknown): Comparison => ({
      status: { equal: false, baseline: 400, candidate: 200 },
      headers: [],
      body: [{ path: '', op: 'type', baseline, candidate: { kind: 'json', type: 'object' } }],
    });
    expect(refusalReason(whole({ kind: 'text' }))).toBeUndefined();
    expect(
      refusalReason(whole({ kind: 'text', sha256: 'ab'.repeat(32), size: 9, head: 'bad query' })),
    ).toBe('bad query');
  });

  it('makes each kind of refused input its own row, and one row whatever value it names', () => {
    const fingerprint = (message: string) =>
      findingsOf({ endpoint: 'POST /records', comparison: refused(message) })[0]?.fingerprint;
    const unknownName = fingerprint(
      'unknown field `nickname`, expected one of `name` at line 1 column 30',
    );
    const unknownAge = fingerprint(
      'unknown field `age`, expected one of `name` at line 1 column 12',
    );
    const range = fingerprint('invalid value: integer `300`, expected u8 at line 1 column 40');
    expect(unknownAge).toBe(unknownName);
    expect(range).not.toBe(unknownName);
    const [finding] = findingsOf({
      endpoint: 'POST /records',
      comparison: refused('duplicate field `name` at line 1 column 30'),
    });
    expect(finding?.summary).toBe(
      'status 400 → 201 on POST /records (baseline: `duplicate field …`)',
    );
  });
});

describe('a value the request sent, said in the reason (rule 38)', () => {
  it('is elided like a quoted value, so two values are one reason', () => {
    const sent = ['bin_neverMade', 'aisle-North'];
    expect(reasonKey('Bin bin_neverMade not found', sent)).toBe('Bin … not found');
    expect(reasonKey('Bin aisle-North not found', sent)).toBe('Bin … not found');
    expect(reasonKey('calendar team-offsite does not exist', ['team-offsite'])).toBe(
      'calendar … does not exist',
    );
  });

  it('keeps apart two reasons that differ in their words', () => {
    const sent = ['bin_neverMade'];
    expect(reasonKey('Bin bin_neverMade is frozen', sent)).not.toBe(
      reasonKey('Bin bin_neverMade not found', sent),
    );
  });

  it('leaves a plain word the request sent, part of a word, and a value not sent', () => {
    // `missing` may be the reason's own word; `bin_never` is only part of a word said.
    expect(reasonKey('Bin missing not found', ['missing'])).toBe('Bin missing not found');
    expect(reasonKey('Bin bin_neverMade not found', ['bin_never'])).toBe(
      'Bin bin_neverMade not found',
    );
    expect(reasonKey('Bin local_other not found', ['bin_neverMade'])).toBe(
      'Bin local_other not found',
    );
  });

  it('reads the values from the status finding a request sent (`findingsOf`)', () => {
    const [status] = findingsOf({
      endpoint: 'POST / Depot.DescribeBin',
      comparison: refused('Bin aisle-North not found', [200, 400]),
      sentValues: ['aisle-North'],
    });
    expect(status?.cause).toMatchObject({ type: 'status', reason: 'Bin … not found' });
  });

  it('keeps a path segment the endpoint names: rule 19 reads it to join the siblings', () => {
    const [status] = findingsOf({
      endpoint: 'PUT /store/buckets/beta-logs',
      comparison: refused('bucket beta-logs is read-only here', [403, 201]),
      sentValues: ['beta-logs', 'store', 'buckets'],
    });
    expect(status?.cause).toMatchObject({ reason: 'bucket beta-logs is read-only here' });
  });
});
