/**
 * The writers' text helpers return most text as it is (one test of the
 * characters they could change, then no copy). Each is checked here against
 * its general path, the code it had before that test was added (copied
 * below): on every single UTF-16 unit between two letters (a character the
 * test missed would come back unchanged and differ), and on random text
 * drawn from the characters that matter (backtick runs, line breaks, code
 * spans, escapes, controls).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { element, textElement } from '../../../../src/reporters/report/junit-xml.js';
import { fenced, prose } from '../../../../src/reporters/report/markdown-util.js';
import { codeSpan, printable, splitCodeSpans } from '../../../../src/util/code-span.js';

// The general paths, as they were.
const UNPRINTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
function printableGeneral(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
function codeSpanGeneral(text: string): string {
  const flat = text.replace(/\r|\n/g, (c) => (c === '\n' ? '\\n' : '\\r'));
  let longest = 0;
  let run = 0;
  for (let i = 0; i < flat.length; i++) {
    run = flat.charCodeAt(i) === 96 ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
function escapeProse(text: string): string {
  return text
    .replaceAll('\\', '\\\\')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/[[\]*_]/g, (c) => `\\${c}`);
}
function proseGeneral(text: string): string {
  return splitCodeSpans(printableGeneral(text.replace(/\r\n|\r|\n/g, ' ')))
    .map((part) => (part.code ? part.text : escapeProse(part.text)))
    .join('');
}
function fencedGeneral(text: string, language = ''): string {
  const runs = [...text.matchAll(/`+/g)].map((m) => m[0].length);
  const fence = '`'.repeat(Math.max(2, ...runs) + 1);
  const lines = text.split(/\r?\n/).map(printableGeneral);
  return `${fence}${language}\n${lines.join('\n')}\n${fence}`;
}

const UNITS = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code));

/** Characters the helpers treat specially, and a few they do not. */
const TEXT = fc.string({
  unit: fc.constantFrom(
    ...'`\r\n\t\\&<>[]*_"\' ab/é→\u0000\u001b\u007f\u0085\u061c\u200b\u2028\u2029\u202e\u2066\ufeff\ud800\udc00\ufffe',
  ),
  maxLength: 24,
});

describe('text fast paths equal their general paths', () => {
  it('printable, codeSpan, prose and fenced on every UTF-16 unit between letters', () => {
    // Compared in a plain loop and asserted once: 262,144 calls of `expect` cost
    // ~12 s of CPU, the helpers themselves well under one.
    const differ: string[] = [];
    for (const unit of UNITS) {
      const text = `a${unit}b`;
      const code = `U+${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
      if (printable(text) !== printableGeneral(text)) differ.push(`printable ${code}`);
      if (codeSpan(text) !== codeSpanGeneral(text)) differ.push(`codeSpan ${code}`);
      if (prose(text) !== proseGeneral(text)) differ.push(`prose ${code}`);
      if (fenced(text, 'diff') !== fencedGeneral(text, 'diff')) differ.push(`fenced ${code}`);
    }
    expect(differ).toEqual([]);
  });

  it('on random text of the characters that matter', () => {
    fc.assert(
      fc.property(TEXT, (text) => {
        expect(printable(text)).toBe(printableGeneral(text));
        expect(codeSpan(text)).toBe(codeSpanGeneral(text));
        expect(prose(text)).toBe(proseGeneral(text));
        expect(fenced(text)).toBe(fencedGeneral(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('take the fast path on plain text: the same string back', () => {
    const plain = 'Value differs at `/price`: 9.5 → 10.5.';
    expect(prose(plain)).toBe(plain);
    expect(printable(plain)).toBe(plain);
    expect(codeSpan('/price')).toBe('`/price`');
    expect(codeSpan('')).toBe('`  `');
    expect(fenced('- /price: 9.5\n+ /price: 10.5', 'diff')).toBe(
      '```diff\n- /price: 9.5\n+ /price: 10.5\n```',
    );
  });
});

describe('junit attributes', () => {
  it('are written in key order, undefined values left out, as Object.entries gave them', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('name', 'classname', 'time', '0', '10', 'type', 'message'),
          fc.option(fc.oneof(TEXT, fc.integer()), { nil: undefined }),
        ),
        (attrs) => {
          const general = Object.entries(attrs)
            .filter(([, value]) => value !== undefined)
            .map(([name, value]) => ` ${name}="${attrValue(String(value))}"`)
            .join('');
          expect(element('t', attrs)).toBe(`<t${general}/>`);
          expect(textElement('t', attrs, 'x')).toBe(`<t${general}>x</t>`);
        },
      ),
    );
  });
});

/** The attribute escaping, read from what `element` writes for one attribute. */
function attrValue(value: string): string {
  const written = element('t', { v: value });
  return written.slice('<t v="'.length, -'"/>'.length);
}
