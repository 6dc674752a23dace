import { describe, expect, it } from 'vitest';
import {
  codeSpan,
  codeSpanContents,
  printable,
  splitCodeSpans,
} from '../../../src/util/code-span.js';

describe('codeSpan', () => {
  it('fences past the longest backtick run, padding when the text starts or ends with one', () => {
    expect(codeSpan('a')).toBe('`a`');
    expect(codeSpan('a`b``c')).toBe('```a`b``c```');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
    expect(codeSpan('a\nb')).toBe('`a\\nb`');
    expect(codeSpan('a\r\nb')).toBe('`a\\r\\nb`');
  });

  it('round-trips through the parser of list cells', () => {
    for (const text of ['a', 'a`b', '`x`', '```', 'a | b']) {
      expect(codeSpanContents(codeSpan(text))).toBe(text);
      const parts = splitCodeSpans(`x ${codeSpan(text)} y`);
      expect(parts.map((p) => p.code)).toEqual([false, true, false]);
    }
  });

  it('shows control characters instead of emitting them', () => {
    expect(printable('a\u001b[2Jb\u0007\u202e\n')).toBe('a\\x1b[2Jb\\x07\\u202e\\x0a');
    expect(printable('tab\tand é stay')).toBe('tab\tand é stay');
  });
});
