import { describe, expect, it } from 'vitest';
import {
  constantWordings,
  isConstantWording,
  sentenceOf,
  type WordedPair,
} from '../../../../src/core/compare/constant-wordings.js';

const pair = (baseline: string, candidate: string, sameStatus = true): WordedPair => ({
  values: [baseline, candidate],
  sameStatus,
});
const key = (baseline: string, candidate: string) => JSON.stringify([baseline, candidate]);

describe('constantWordings', () => {
  it.each([
    ['Permission denied', ['master key is required', 'Invalid session token']],
    ['Request refused', ['token lacks the scope ledger:write', 'account frozen']],
  ])('joins one candidate wording (%s) against two baseline wordings', (constant, reasons) => {
    const found = constantWordings(reasons.map((reason) => pair(reason, constant)));
    expect([...found.keys()]).toEqual(reasons.map((reason) => key(reason, constant)));
    const edit = found.get(key(reasons[0] ?? '', constant)) ?? '';
    expect(isConstantWording(edit)).toBe(true);
    expect(sentenceOf(edit, '`/error`')).toBe(
      `candidate writes \`${constant}\` at \`/error\` wherever the baseline names the reason`,
    );
  });

  it('joins a baseline constant the other way round', () => {
    const found = constantWordings([pair('Denied', 'no scope'), pair('Denied', 'account frozen')]);
    expect(sentenceOf(found.get(key('Denied', 'account frozen')) ?? '', '`/detail`')).toBe(
      'baseline writes `Denied` at `/detail` wherever the candidate names the reason',
    );
  });

  it('keeps apart one wording alone, a constant the other side writes, a status change, claimed pairs and reason phrases', () => {
    expect(constantWordings([pair('a reason', 'Denied')]).size).toBe(0);
    // The baseline writes `Try again later` too: the candidate's is no constant of its own.
    const also = [pair('burst', 'Try again later'), pair('window', 'Try again later')];
    expect(constantWordings([...also, pair('Try again later', 'Slow down')]).size).toBe(0);
    // Beside a status change: not counted.
    expect(constantWordings([pair('one', 'Denied'), pair('two', 'Denied', false)]).size).toBe(0);
    // A pair a rewording claims is not counted.
    const claimed = new Set([key('one', 'Denied')]);
    expect(constantWordings([pair('one', 'Denied'), pair('two', 'Denied')], claimed).size).toBe(0);
    // A status's reason phrase is rule 20's.
    expect(constantWordings([pair('one', 'Not Found'), pair('two', 'Not Found')]).size).toBe(0);
    expect(sentenceOf('`should` → `must`', '`/message`')).toBeUndefined();
  });

  it.each([
    ['ValidationException', ['InvalidArgumentException', 'ResourceInUseException']],
    ['bad_request', ['quota_exceeded', 'unknown_field']],
  ])(
    'keeps apart one name (%s) against names of other kinds: each travels with its message',
    (one, kinds) => {
      expect(constantWordings(kinds.map((kind) => pair(one, kind))).size).toBe(0);
      expect(constantWordings(kinds.map((kind) => pair(kind, one))).size).toBe(0);
    },
  );
});
