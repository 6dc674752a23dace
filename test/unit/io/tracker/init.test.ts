import { describe, expect, it } from 'vitest';
import { initialisedText, requireManaged } from '../../../../src/io/tracker/init.js';
import { parseTracker, trackerRows } from '../../../../src/io/tracker/parse.js';
import { ParityError } from '../../../../src/util/errors.js';
import { standardTracker } from './fixtures.js';

describe('parity tracker --init', () => {
  it('creates a whole tracker, or appends a table keeping every byte, or does nothing', () => {
    expect(initialisedText(undefined, 'T.md').outcome).toBe('created');
    for (const human of ['# Notes\n', '# Notes', '# Notes\r\n\r\nmore\r\n']) {
      const { outcome, text } = initialisedText(human, 'T.md');
      expect(outcome).toBe('added');
      expect(text.startsWith(human)).toBe(true);
      expect(trackerRows(parseTracker(text, 'T.md'))).toEqual([]);
      if (human.includes('\r\n')) expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    }
    const managed = standardTracker();
    expect(initialisedText(managed, 'T.md')).toEqual({ outcome: 'present', text: managed });
  });

  it('a file without markers is refused by runs, naming the fix', () => {
    const doc = parseTracker('# Notes\n', 'docs/T.md');
    expect(() => requireManaged(doc, 'docs/T.md')).toThrow(ParityError);
    expect(() => requireManaged(doc, 'docs/T.md')).toThrow(
      /parity tracker --init --tracker docs\/T\.md/,
    );
  });
});
