import { describe, expect, it } from 'vitest';
import { inlineParts } from '../../../../../../src/reporters/report/html/page/inline-markdown.js';

/** The parts as one string: `<kind:text>` for each part that is not plain text. */
const shown = (line: string) =>
  inlineParts(line)
    .map((p) =>
      p.kind === 'text'
        ? p.text
        : p.kind === 'link'
          ? `<a ${p.href}:${p.text}>`
          : `<${p.kind}:${p.text}>`,
    )
    .join('');

describe('a Decision note in report.html', () => {
  it('renders strong, emphasis, code spans and links instead of showing their marks', () => {
    expect(
      inlineParts(
        '**accepted**: clients read `Kind` since v2, see [ADR 12](https://x.test/adr/12)',
      ),
    ).toEqual([
      { kind: 'strong', text: 'accepted' },
      { kind: 'text', text: ': clients read ' },
      { kind: 'code', text: 'Kind' },
      { kind: 'text', text: ' since v2, see ' },
      { kind: 'link', text: 'ADR 12', href: 'https://x.test/adr/12' },
    ]);
    expect(shown('__wontfix__ and *later* and _maybe_')).toBe(
      '<strong:wontfix> and <em:later> and <em:maybe>',
    );
    expect(shown('plain words')).toBe('plain words');
    expect(shown('')).toBe('');
  });

  it('keeps underscores inside words and marks nothing closes as text', () => {
    expect(shown('deleted_at and created_at differ')).toBe('deleted_at and created_at differ');
    expect(shown('2 * 3 * 4')).toBe('2 * 3 * 4');
    expect(shown('a ** b')).toBe('a ** b');
    expect(shown('**open and never closed')).toBe('**open and never closed');
    expect(shown('snake_case_name')).toBe('snake_case_name');
  });

  it('never follows a link that is not http(s): words and target as text', () => {
    expect(inlineParts('[run](javascript:alert(1))')).toEqual([
      { kind: 'text', text: 'run (javascript:alert(1)' },
      { kind: 'text', text: ')' },
    ]);
    expect(shown('see [the ADR](docs/adr/12.md)')).toBe('see the ADR (docs/adr/12.md)');
    expect(shown('[not a link] (x)')).toBe('[not a link] (x)');
  });

  it('reads backslash escapes as the character, and code spans first', () => {
    expect(shown('\\*not emphasis\\*')).toBe('*not emphasis*');
    expect(shown('`**not strong**`')).toBe('<code:**not strong**>');
  });

  it('reads a long line of openers once', () => {
    const line = '*a _b '.repeat(20_000);
    const parts = inlineParts(line);
    expect(parts.map((p) => p.text).join('')).toBe(line);
  });
});
