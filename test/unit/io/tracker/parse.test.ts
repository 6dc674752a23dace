import { describe, expect, it } from 'vitest';
import { parseTracker, trackerRows } from '../../../../src/io/tracker/parse.js';
import { newTrackerText, renderTracker } from '../../../../src/io/tracker/render.js';
import { ParityError } from '../../../../src/util/errors.js';
import { ALIGN, HEADER, ROW_A, ROW_B, standardTracker } from './fixtures.js';

const FILE = 'docs/T.md';

function roundTrip(text: string): string {
  return renderTracker(parseTracker(text, FILE));
}

function block(lines: string[], eol = '\n'): string {
  return ['<!-- parity:tracker:start -->', ...lines, '<!-- parity:tracker:end -->', ''].join(eol);
}

const VARIANTS: Record<string, string> = {
  'new file': newTrackerText(),
  standard: standardTracker(),
  crlf: standardTracker('\r\n'),
  'reordered rows': block([HEADER, ALIGN, ROW_B, ROW_A]),
  'extra human column, reordered columns, alignment and padding': block([
    '|  Fingerprint | Owner | id  | status     | Kind | Endpoint | Cases | Summary | First Seen | Last seen | Resolved | Decision |',
    '|:-------------|:-----:|----:|------------|---|---|---|---|---|---|---|---|',
    '|  `fp-x`      | alice | PAR-007 | _wontfix_ | status | `GET /a` | `s/a` | x | 2024-01-01 | 2024-01-01 | | nope |',
  ]),
  'no outer pipes on the right, indentation': block([
    '  | ID | Status | Kind | Endpoint | Cases | Summary | First seen | Last seen | Resolved | Fingerprint | Decision',
    '  | -- | -- | -- | -- | -- | -- | -- | -- | -- | -- | --',
    '  | PAR-001 | _open_ | shape | e | c | s | d | d |  | `fp` | trailing text  ',
  ]),
  'text after the end marker without a final newline': `${block([HEADER, ALIGN, ROW_A])}tail`,
  'no markers': '# Notes\n\nNothing managed here yet.',
  'empty block': block(['', 'a human wrote this inside', '']),
  'empty file': '',
  'mixed line endings': `# x\r\n\n${block([HEADER, ALIGN], '\r\n')}\n`,
};

describe('parseTracker → renderTracker', () => {
  for (const [name, text] of Object.entries(VARIANTS)) {
    it(`round-trips byte for byte: ${name}`, () => {
      expect(roundTrip(text)).toBe(text);
    });
  }

  it('reads cell values: escaped pipes, code-span lists, status, fingerprint', () => {
    const rows = trackerRows(parseTracker(standardTracker(), FILE));
    expect(rows.map((row) => row.id)).toEqual(['PAR-001', 'PAR-002']);
    expect(rows[0]).toMatchObject({
      status: 'open',
      caseIds: ['validator/a', 'validator/b'],
      endpoints: ['POST /v1/validate'],
      fingerprint: 'fp-a',
      resolved: '',
      decision: '',
    });
    expect(rows[1]).toMatchObject({
      status: 'accepted',
      summary: 'ids are strings | numbers',
      decision: 'Go is right | keep',
    });
  });

  it('maps columns by header name, ignoring case, order and extra columns', () => {
    const rows = trackerRows(
      parseTracker(
        VARIANTS['extra human column, reordered columns, alignment and padding'] ?? '',
        FILE,
      ),
    );
    expect(rows).toEqual([
      expect.objectContaining({
        id: 'PAR-007',
        status: 'wontfix',
        fingerprint: 'fp-x',
        decision: 'nope',
      }),
    ]);
  });

  it('treats a file without markers as valid and unmanaged', () => {
    const doc = parseTracker('just text\n', FILE);
    expect(doc.block).toBeUndefined();
    expect(trackerRows(doc)).toEqual([]);
  });
});

describe('parseTracker rejects a malformed managed block with file:line', () => {
  const cases: [string, string, number, RegExp][] = [
    ['start without end', `x\n<!-- parity:tracker:start -->\n${HEADER}\n`, 2, /end marker/],
    ['end without start', `x\n<!-- parity:tracker:end -->\n`, 2, /start marker/],
    ['duplicate start', `${block([HEADER, ALIGN])}<!-- parity:tracker:start -->\n`, 5, /duplicate/],
    ['marker not alone', 'see <!-- parity:tracker:start --> here\n', 1, /own/],
    [
      'missing column',
      block([HEADER.replace('| Fingerprint ', ''), ALIGN]),
      2,
      /missing Fingerprint/,
    ],
    ['duplicate column', block([`${HEADER} id |`, `${ALIGN} --- |`]), 2, /ID twice/],
    ['missing alignment row', block([HEADER, ROW_A]), 3, /alignment row/],
    ['alignment width', block([HEADER, '| --- | --- |', ROW_A]), 3, /11 cells/],
    [
      'too few cells',
      block([HEADER, ALIGN, ROW_A.replace('| `fp-a` ', '')]),
      4,
      /10 cells but the header has 11/,
    ],
    [
      'unescaped pipe',
      block([HEADER, ALIGN, ROW_A.replace('enum tagging', 'enum | tagging')]),
      4,
      /\\\|/,
    ],
    [
      'unknown status',
      block([HEADER, ALIGN, ROW_A.replace('_open_', '_maybe_')]),
      4,
      /unknown status "_maybe_"/,
    ],
    ['no fingerprint', block([HEADER, ALIGN, ROW_A.replace('`fp-a`', '')]), 4, /no fingerprint/],
    [
      'duplicate fingerprint',
      block([HEADER, ALIGN, ROW_A, '', ROW_A.replace('PAR-001', 'PAR-009')]),
      6,
      /already on line 4/,
    ],
    [
      'duplicate next-id',
      block(['<!-- parity:next-id 2 -->', '<!-- parity:next-id 3 -->']),
      3,
      /next-id/,
    ],
  ];
  for (const [name, text, line, message] of cases) {
    it(name, () => {
      let caught: unknown;
      try {
        parseTracker(text, FILE);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ParityError);
      const error = caught instanceof ParityError ? caught : undefined;
      expect(error?.code).toBe('PARITY_TRACKER_INVALID');
      expect(error?.message.startsWith(`${FILE}:${line}: `)).toBe(true);
      expect(error?.message).toMatch(message);
      expect(error?.problems[0]).toMatchObject({ file: FILE, line });
    });
  }
});
