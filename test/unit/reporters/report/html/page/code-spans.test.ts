import { describe, expect, it } from 'vitest';
import { lineParts } from '../../../../../../src/reporters/report/html/page/code-spans.js';
import { codeSpan } from '../../../../../../src/util/code-span.js';

const shown = (line: string) =>
  lineParts(line)
    .map((p) => (p.code ? `<${p.text}>` : p.text))
    .join('');

describe('code spans in report.html', () => {
  it('shows the contents of each span as code and the rest as text', () => {
    expect(lineParts('externally tagged enum vs `Kind` discriminator')).toEqual([
      { code: false, text: 'externally tagged enum vs ' },
      { code: true, text: 'Kind' },
      { code: false, text: ' discriminator' },
    ]);
    expect(shown('`a` and `b`')).toBe('<a> and <b>');
    expect(shown('no span here')).toBe('no span here');
    expect(shown('')).toBe('');
  });

  it('reads back every span codeSpan writes, backticks and spaces included', () => {
    for (const key of ['a`b', '`lead', 'trail`', '``', 'x ``y`` z', '<img onerror=x>']) {
      const parts = lineParts(`key ${codeSpan(key)} differs`);
      expect(
        parts.filter((p) => p.code).map((p) => p.text),
        key,
      ).toEqual([key]);
    }
  });

  it('leaves a backtick nothing closes as text', () => {
    expect(shown('a ` b')).toBe('a ` b');
    expect(shown('``a` b')).toBe('``a` b');
  });
});
