import { describe, expect, it } from 'vitest';
import { splitLines } from '../../../../src/io/tracker/cells.js';
import { decideRows } from '../../../../src/io/tracker/decide.js';
import { parseTracker, trackerRows } from '../../../../src/io/tracker/parse.js';
import { renderTracker } from '../../../../src/io/tracker/render.js';
import { ALIGN, HEADER, usage } from './fixtures.js';

const TRACKER = [
  '# T',
  '',
  '<!-- parity:tracker:start -->',
  HEADER,
  ALIGN,
  '| PAR-001 | _open_ | shape | `GET /a` | `s/a` | nil slice at `tags` | 2026-01-01 | 2026-01-02 |  | `nil-slice-0123456789ab` |  |',
  '> a human note',
  '| PAR-002 | _resolved_ | status | `GET /b` | `s/b` | status 400 → 201 on GET /b | 2026-01-01 | 2026-01-01 | 2026-01-03 | `status-0123456789ab` | earlier \\| text |',
  '| PAR-003 | _open_ | value | `GET /c` | `s/c` | enum &lt;b&gt; vs `<i>` | 2026-01-01 | 2026-01-02 |  | `enum-case-0123456789ab` |  |',
  '| PAR-004 | _superseded_ | shape | `GET /d` | `s/d` | superseded by PAR-001 · old | 2026-01-01 | 2026-01-02 |  | `0123456789abcdef` | kept |',
  '<!-- parity:tracker:end -->',
  '',
].join('\n');

function decide(request: Parameters<typeof decideRows>[1]) {
  const { doc, decided } = decideRows(parseTracker(TRACKER, 'T.md'), request);
  const text = renderTracker(doc);
  return { text, decided, rows: trackerRows(parseTracker(text, 'T.md')) };
}

describe('parity decide on the document', () => {
  it('gives the summary as text, `&lt;` outside code spans read back as `<`', () => {
    const { decided } = decide({ ids: ['PAR-003'], status: 'wontfix', note: 'n' });
    expect(decided.map((row) => row.summary)).toEqual(['enum <b> vs `<i>`']);
  });

  it('sets the status and appends the note, touching only those cells', () => {
    const { text, decided, rows } = decide({ ids: ['par-001'], status: 'accepted', note: 'fine' });
    expect(decided).toEqual([
      { id: 'PAR-001', from: 'open', to: 'accepted', summary: 'nil slice at `tags`' },
    ]);
    expect(rows[0]).toMatchObject({ status: 'accepted', decision: 'fine' });
    const before = splitLines(TRACKER).map((l) => l.text);
    const after = splitLines(text).map((l) => l.text);
    expect(after.filter((line, i) => line !== before[i])).toEqual([
      '| PAR-001 | _accepted_ | shape | `GET /a` | `s/a` | nil slice at `tags` | 2026-01-01 | 2026-01-02 |  | `nil-slice-0123456789ab` | fine |',
    ]);
  });

  it('writes a shorter value without padding, unless a human aligned the cell', () => {
    const { text } = decide({ ids: ['PAR-002'], status: 'open' });
    expect(text).toContain('| PAR-002 | _open_ | status |');
    expect(text).toContain('| 2026-01-01 | 2026-01-01 | | `status-0123456789ab` |');
    const aligned = TRACKER.replace('| PAR-003 | _open_ |', '| PAR-003 | _open_       |');
    const { doc } = decideRows(parseTracker(aligned, 'T.md'), {
      ids: ['PAR-003'],
      status: 'wontfix',
    });
    expect(renderTracker(doc)).toContain('| PAR-003 | _wontfix_    |');
  });

  it('names the first rows and counts the others when no row has the id', () => {
    const many = TRACKER.replace(
      '<!-- parity:tracker:end -->',
      [5, 6, 7, 8, 9, 10]
        .map((n) => {
          const id = `PAR-${String(n).padStart(3, '0')}`;
          return `| ${id} | _open_ | value | \`GET /e\` | \`s/e\` | e | 2026-01-01 | 2026-01-02 |  | \`x-${n}\` |  |`;
        })
        .concat('<!-- parity:tracker:end -->')
        .join('\n'),
    );
    const message = usage(() =>
      decideRows(parseTracker(many, 'T.md'), { ids: ['PAR-099'], status: 'accepted' }),
    );
    expect(message).toBe(
      'T.md: no row PAR-099 (rows: PAR-001, PAR-002, PAR-003, PAR-004, PAR-005, PAR-006, PAR-007, PAR-008 … and 2 more)',
    );
  });

  it('keeps what the Decision cell had, and clears the Resolved date of a reopened row', () => {
    const { rows } = decide({ ids: ['PAR-002'], status: 'open', note: 'it is back' });
    expect(rows[1]).toMatchObject({
      status: 'open',
      resolved: '',
      decision: 'earlier | text · it is back',
    });
  });

  it('decides in bulk by pattern and by kind, skipping history', () => {
    expect(
      decide({ ids: [], pattern: 'nil-slice', status: 'wontfix' }).decided.map((d) => d.id),
    ).toEqual(['PAR-001']);
    expect(decide({ ids: [], kind: 'value', status: 'accepted' }).decided.map((d) => d.id)).toEqual(
      ['PAR-003'],
    );
    // Resolved and superseded rows are not decided in bulk: a selection of none of them is refused.
    expect(usage(() => decide({ ids: [], kind: 'status', status: 'accepted' }))).toBe(
      'T.md: no open or decided row matches --kind status (of 2 open or decided rows); nothing changed',
    );
    expect(decide({ ids: [], kind: 'shape', status: 'accepted' }).decided.map((d) => d.id)).toEqual(
      ['PAR-001'],
    );
  });

  it('refuses unknown rows, superseded rows and mixed selections', () => {
    const doc = parseTracker(TRACKER, 'T.md');
    expect(usage(() => decideRows(doc, { ids: ['PAR-009'], status: 'accepted' }))).toBe(
      'T.md: no row PAR-009 (rows: PAR-001, PAR-002, PAR-003, PAR-004)',
    );
    expect(usage(() => decideRows(doc, { ids: ['PAR-004'], status: 'accepted' }))).toMatch(
      /^PAR-004 is superseded \(superseded by PAR-001 · old\); decide the rows/,
    );
    expect(
      usage(() => decideRows(doc, { ids: ['PAR-001'], pattern: 'nil-slice', status: 'open' })),
    ).toMatch(/not both/);
    expect(usage(() => decideRows(doc, { ids: [], status: 'open' }))).toMatch(/name the rows/);
  });
});

describe('a decision note', () => {
  it('keeps http(s) and mailto links, and makes javascript: and other schemes plain text', () => {
    const { text } = decide({
      ids: ['PAR-001'],
      status: 'accepted',
      note: 'see [a](https://x.test/a) [b](javascript:alert(1)) [c](data:text/html,x) [d](mailto:t@x.test)',
    });
    expect(text).toContain('[a](https://x.test/a)');
    expect(text).toContain('[d](mailto:t@x.test)');
    expect(text).toContain('[b]\\(javascript:alert(1))');
    expect(text).toContain('[c]\\(data:text/html,x)');
  });
});
