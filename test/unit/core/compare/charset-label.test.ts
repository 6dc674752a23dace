import { describe, expect, it } from 'vitest';
import type { Response, ResponseBody } from '../../../../src/contract/model/exchange.js';
import { charsetClass, charsetLabelChange } from '../../../../src/core/compare/charset-label.js';
import { compare } from '../../../../src/core/compare/comparison.js';
import { exchange, json, response } from './fixtures.js';

const text = (t: string): ResponseBody => ({ kind: 'text', text: t });
const typed = (type: string, body: ResponseBody) => response(200, body, { 'content-type': type });
const answer = (type: string, body: ResponseBody): Response => {
  const side = typed(type, body);
  if (side.outcome !== 'response') throw new Error('a response');
  return side.response;
};
const PAGE = text('<html><body><p>Total: 12.50 EUR</p></body></html>');
const DECLARED = text('<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title>');

describe('a charset label that decides how a body is read', () => {
  it('is a content-type change on text types whose reading the label decides', () => {
    for (const type of ['text/html', 'text/plain', 'text/csv']) {
      const change = charsetLabelChange(
        answer(`${type}; charset=UTF-8`, PAGE),
        answer(type, PAGE),
        false,
      );
      expect(change).toEqual({
        name: 'content-type',
        baseline: `${type};charset=utf-8`,
        candidate: type,
      });
    }
    expect(
      charsetLabelChange(
        answer('text/plain; charset=iso-8859-1', PAGE),
        answer('text/plain; charset=utf-8', PAGE),
        false,
      ),
    ).toBeDefined();
  });

  it('is only a label where the reading cannot change', () => {
    const none = (b: string, c: string, body: ResponseBody, differ = false) =>
      charsetLabelChange(answer(b, body), answer(c, body), differ);
    expect(none('text/html; charset=utf-8', 'text/html', DECLARED)).toBeUndefined();
    expect(none('text/plain; charset=utf-8', 'text/plain', text('\ufeffhello'))).toBeUndefined();
    expect(none('text/plain; charset=utf-8', 'text/plain', text(''))).toBeUndefined();
    expect(
      none('text/calendar; charset=utf-8', 'text/calendar', text('BEGIN:VCALENDAR')),
    ).toBeUndefined();
    expect(
      none('application/json; charset=utf-8', 'application/json', json({ a: 1 })),
    ).toBeUndefined();
    expect(none('text/plain; charset=utf-8', 'text/plain', json({ a: 1 }))).toBeUndefined();
    expect(none('text/xml; charset=utf-8', 'text/xml', text('<a/>'))).toBeUndefined();
    expect(none('text/plain; charset=utf8', 'text/plain; charset=UTF-8', PAGE)).toBeUndefined();
    // Bodies that differ anyway: their own divergence is the row, the note rides on it.
    expect(none('text/html; charset=utf-8', 'text/html', PAGE, true)).toBeUndefined();
  });

  it('is keyed by the charsets alone, whatever the media type', () => {
    expect(charsetClass('text/html;charset=utf-8', 'text/html')).toEqual([
      'charset=utf-8',
      'no charset',
    ]);
    expect(charsetClass('text/plain', 'text/plain;charset=utf-8')).toEqual([
      'no charset',
      'charset=utf-8',
    ]);
    expect(charsetClass('text/plain;charset=utf-8', 'text/html')).toBeUndefined();
    expect(charsetClass('text/plain;format=flowed', 'text/plain')).toBeUndefined();
  });

  it('is in the comparison, as any header change', () => {
    const c = compare(exchange(typed('text/html; charset=utf-8', PAGE), typed('text/html', PAGE)));
    expect(c?.headers).toEqual([
      { name: 'content-type', baseline: 'text/html;charset=utf-8', candidate: 'text/html' },
    ]);
    const declared = compare(
      exchange(typed('text/html; charset=utf-8', DECLARED), typed('text/html', DECLARED)),
    );
    expect(declared?.headers).toEqual([]);
  });
});
