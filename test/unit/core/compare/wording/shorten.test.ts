import { describe, expect, it } from 'vitest';
import { shorten } from '../../../../../src/core/compare/wording/phrases.js';
import { splitCodeSpans } from '../../../../../src/util/code-span.js';

/** Every backtick of `text` is in a closed code span. */
function spansClosed(text: string): boolean {
  return splitCodeSpans(text).every((part) => part.code || !part.text.includes('`'));
}

describe('shorten', () => {
  it('leaves text that fits alone', () => {
    expect(shorten('status 200 → 404', 20)).toBe('status 200 → 404');
  });

  it('cuts plain text with an ellipsis, at most max characters', () => {
    expect(shorten('abcdefghij', 5)).toBe('abcd…');
  });

  it('closes a code span the cut falls inside, within max', () => {
    const text =
      'status 200 → 404 on POST /x (candidate: `<!DOCTYPE html> <html lang="en"> <head>`)';
    const short = shorten(text, 60);
    expect(short.length).toBeLessThanOrEqual(60);
    expect(short).toMatch(/^status 200 → 404 on POST \/x \(candidate: `<!DOCTYPE h.*…`$/);
    expect(spansClosed(short)).toBe(true);
  });

  it('closes a span of a longer fence with that fence', () => {
    const text = `body ${'``'}a \`tick\` inside a long value${'``'} and more`;
    const short = shorten(text, 20);
    expect(short.endsWith('…``')).toBe(true);
    expect(short.length).toBe(20);
    expect(spansClosed(short)).toBe(true);
  });

  it('cuts before a span when too little of it would be left', () => {
    expect(shorten('the value `abcdefgh` differs', 12)).toBe('the value …');
  });

  it('keeps every cut within max and every span closed, whatever the cut', () => {
    const text = 'a `b` then `some long code text` and ``x ` y`` end of text here';
    for (let max = 4; max < text.length; max++) {
      const short = shorten(text, max);
      expect(short.length).toBeLessThanOrEqual(max);
      expect(spansClosed(short)).toBe(true);
    }
  });
});
