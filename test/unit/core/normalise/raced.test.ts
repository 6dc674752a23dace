import { describe, expect, it } from 'vitest';
import type { Case } from '../../../../src/contract/model/case.js';
import type {
  Exchange,
  ResponseBody,
  SideOutcome,
} from '../../../../src/contract/model/exchange.js';
import { answersAgree, mayHaveRaced, racedWords } from '../../../../src/core/normalise/raced.js';
import { makeCase } from '../../../helpers/case.js';

const answer = (status: number, body: ResponseBody): SideOutcome => ({
  outcome: 'response',
  response: { status, headers: {}, body, wireBytes: 0, durationMs: 1 },
});
const json = (value: unknown): ResponseBody => ({ kind: 'json', value });
const inSequence = (method: string): Case => ({
  ...makeCase('r', { method, path: '/x' }),
  serial: 's.yaml',
});
const exchange = (c: Case, b: SideOutcome, d: SideOutcome): Exchange => ({
  case: c,
  baseline: b,
  candidate: d,
});

describe('a read that raced', () => {
  it('is a read of a sequence whose answers differ', () => {
    const differ = [answer(200, json({ a: 1 })), answer(404, json({ e: 'x' }))] as const;
    expect(mayHaveRaced(exchange(inSequence('GET'), ...differ))).toBe(true);
    // A write is never sent again; a plain case runs beside others, no write of its own before it.
    expect(mayHaveRaced(exchange(inSequence('POST'), ...differ))).toBe(false);
    expect(mayHaveRaced(exchange(makeCase('p', { method: 'GET', path: '/x' }), ...differ))).toBe(
      false,
    );
    const same = answer(200, json({ a: 1 }));
    expect(mayHaveRaced(exchange(inSequence('GET'), same, answer(200, json({ a: 1 }))))).toBe(
      false,
    );
  });

  it('agrees on one status and one body under the case rules, text and empty bodies too', () => {
    const rules = makeCase('i', { method: 'GET', path: '/x' }, { ignore: ['/t'] });
    expect(
      answersAgree(
        exchange(rules, answer(200, json({ a: 1, t: 1 })), answer(200, json({ t: 2, a: 1 }))),
      ),
    ).toBe(true);
    expect(
      answersAgree(exchange(rules, answer(200, json({ a: 1 })), answer(201, json({ a: 1 })))),
    ).toBe(false);
    const text = (t: string): ResponseBody => ({ kind: 'text', text: t });
    expect(answersAgree(exchange(rules, answer(200, text('ok')), answer(200, text('ok'))))).toBe(
      true,
    );
    expect(answersAgree(exchange(rules, answer(200, text('ok')), answer(200, text('OK'))))).toBe(
      false,
    );
    expect(
      answersAgree(exchange(rules, answer(204, { kind: 'empty' }), answer(204, { kind: 'empty' }))),
    ).toBe(true);
  });

  it('says which side changed', () => {
    const c = inSequence('GET');
    const first = exchange(c, answer(200, json({ a: 1 })), answer(404, json({ e: 'x' })));
    const second = exchange(c, answer(200, json({ a: 1 })), answer(200, json({ a: 1 })));
    expect(racedWords(first, second)).toEqual([
      'the candidate answered 404 first, then 200 as the baseline did',
    ]);
    const before = exchange(c, answer(200, json(['a.tmp'])), answer(200, json(['a'])));
    const after = exchange(c, answer(200, json(['a'])), answer(200, json(['a'])));
    expect(racedWords(before, after)).toEqual([
      "the baseline answered 200 with another body first, then the candidate's",
    ]);
  });
});
