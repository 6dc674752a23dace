/**
 * `readRawJson` scans with the lexical pieces `scanJson` uses
 * (`core/wire/json-lex.ts`); on any JSON text it reads what its own regular
 * expressions read before (kept here as the oracle).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeString,
  type RawDocument,
  type RawEntry,
  type RawNode,
  readRawJson,
} from '../../../../src/core/wire/raw-json.js';

// The scanner as it was, with its own regular expressions.
const WHITESPACE = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/**
 * Scan a JSON text that `JSON.parse` accepts (the caller has parsed it; on any
 * other text the result is unspecified, but the scanner never loops).
 */
function oldReadRawJson(text: string): RawDocument {
  let pos = 0;
  const gaps: string[] = [];

  const sticky = (regex: RegExp): string => {
    regex.lastIndex = pos;
    const match = regex.exec(text)?.[0] ?? '';
    pos += match.length;
    return match;
  };
  const gap = (): void => {
    gaps.push(sticky(WHITESPACE));
  };
  const string = (): string => {
    const start = ++pos;
    while (pos < text.length && text[pos] !== '"') pos += text[pos] === '\\' ? 2 : 1;
    return text.slice(start, pos++);
  };
  const members = <T>(close: string, item: () => T): T[] => {
    const out: T[] = [];
    pos++;
    gap();
    while (pos < text.length && text[pos] !== close) {
      out.push(item());
      gap();
      if (text[pos] === ',') {
        pos++;
        gap();
      }
    }
    pos++;
    return out;
  };
  const entry = (): RawEntry => {
    const rawKey = string();
    gap();
    pos++; // the colon
    gap();
    return { key: decodeString(rawKey), rawKey, value: node() };
  };
  const node = (): RawNode => {
    const ch = text[pos];
    if (ch === '{') return { type: 'object', entries: members('}', entry) };
    if (ch === '[') return { type: 'array', items: members(']', node) };
    if (ch === '"') return { type: 'string', raw: string() };
    const number = sticky(NUMBER);
    if (number !== '') return { type: 'number', raw: number };
    const literal = sticky(LITERAL);
    if (literal === '') pos = text.length;
    return { type: 'literal', raw: literal };
  };

  gap();
  const root = node();
  return { root, gaps, trailing: text.slice(pos) };
}

describe('readRawJson', () => {
  it('reads every JSON text as the scanner with its own regular expressions did', () => {
    const text = fc
      .tuple(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t', ' \r\n'))
      .map(([value, indent]) => JSON.stringify(value, null, indent) ?? 'null');
    fc.assert(
      fc.property(text, (json) => {
        expect(readRawJson(json)).toEqual(oldReadRawJson(json));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps escapes, number spellings and gaps as written', () => {
    const doc = readRawJson(' { "a\\u0041" : [1.50e+3 , -0, true,null] } ');
    expect(doc.gaps[0]).toBe(' ');
    expect(doc.trailing).toBe(' ');
    expect(doc.root).toEqual({
      type: 'object',
      entries: [
        {
          key: 'aA',
          rawKey: 'a\\u0041',
          value: {
            type: 'array',
            items: [
              { type: 'number', raw: '1.50e+3' },
              { type: 'number', raw: '-0' },
              { type: 'literal', raw: 'true' },
              { type: 'literal', raw: 'null' },
            ],
          },
        },
      ],
    });
  });
});
