import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../../../src/io/tracker/cells.js';
import { parseTracker, trackerRows } from '../../../../src/io/tracker/parse.js';
import { newTrackerText, renderTracker } from '../../../../src/io/tracker/render.js';
import type {
  BlockItem,
  TrackerDocument,
  TrackerObservation,
} from '../../../../src/io/tracker/types.js';
import { TRACKER_END, TRACKER_START } from '../../../../src/io/tracker/types.js';
import { mergeTracker } from '../../../../src/io/tracker/upsert.js';

const FILE = 'docs/P.md';
const CASES = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'];

type Step =
  | { kind: 'run'; seen: { fp: number; cases: number[] }[]; alsoRan: number[] }
  | { kind: 'decision'; row: number }
  | { kind: 'note'; row: number; style: number }
  | { kind: 'accept'; row: number }
  | { kind: 'outside'; where: 'head' | 'tail' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('run' as const),
      seen: fc.array(
        fc.record({
          fp: fc.nat(5),
          cases: fc.array(fc.nat(CASES.length - 1), { minLength: 1, maxLength: 2 }),
        }),
        { maxLength: 4 },
      ),
      alsoRan: fc.array(fc.nat(CASES.length - 1), { maxLength: 6 }),
    }),
  },
  fc.record({ kind: fc.constant('decision' as const), row: fc.nat() }),
  fc.record({ kind: fc.constant('note' as const), row: fc.nat(), style: fc.nat(2) }),
  fc.record({ kind: fc.constant('accept' as const), row: fc.nat() }),
  fc.record({
    kind: fc.constant('outside' as const),
    where: fc.constantFrom('head' as const, 'tail' as const),
  }),
);

/** What humans wrote, which every later run must keep. */
interface Human {
  readonly lines: Set<string>;
  readonly decisions: Map<string, string>;
  readonly frozen: Set<string>;
}

type RowItem = Extract<BlockItem, { kind: 'row' }>;

function rowItems(doc: TrackerDocument): RowItem[] {
  return (doc.block ?? []).filter((item): item is RowItem => item.kind === 'row');
}

function columnsOf(doc: TrackerDocument) {
  const header = (doc.block ?? []).find((item) => item.kind === 'header');
  if (header?.kind !== 'header') throw new Error('no header');
  return header.columns;
}

/** Rewrites one cell of a row the way a human editor would. */
function editCell(text: string, row: number, column: 'decision' | 'status', raw: string) {
  const doc = parseTracker(text, FILE);
  const rows = rowItems(doc);
  const target = rows[row % rows.length];
  if (target === undefined) return { text, fingerprint: undefined };
  const cells = [...target.line.cells];
  cells[columnsOf(doc)[column]] = raw;
  const block = (doc.block ?? []).map((item) =>
    item === target ? { ...target, line: { ...target.line, cells } } : item,
  );
  return { text: renderTracker({ ...doc, block }), fingerprint: target.row.fingerprint };
}

function addNote(
  text: string,
  eol: string,
  step: { row: number; style: number },
  token: string,
  human: Human,
) {
  const lines = splitLines(text);
  const rowLines = lines.flatMap((line, i) => (line.text.startsWith('| PAR-') ? [i] : []));
  const at =
    rowLines.length === 0
      ? lines.findIndex((l) => l.text === TRACKER_END) - 1
      : rowLines[step.row % rowLines.length];
  const note =
    [`> note ${token} with a | pipe`, `<!-- human ${token} -->`, `  ${token}  `][step.style] ??
    token;
  human.lines.add(note);
  const out = lines.map((line, i) => line.text + line.eol + (i === at ? note + eol : ''));
  return out.join('');
}

function applyHuman(
  text: string,
  eol: string,
  step: Exclude<Step, { kind: 'run' }>,
  token: string,
  human: Human,
) {
  switch (step.kind) {
    case 'decision': {
      const raw = ` decided ${token} \\| by a human  `;
      const edit = editCell(text, step.row, 'decision', raw);
      if (edit.fingerprint !== undefined) human.decisions.set(edit.fingerprint, raw);
      return edit.text;
    }
    case 'accept': {
      const edit = editCell(text, step.row, 'status', ' _accepted_ ');
      if (edit.fingerprint !== undefined) human.frozen.add(edit.fingerprint);
      return edit.text;
    }
    case 'note':
      return addNote(text, eol, step, token, human);
    case 'outside': {
      const line = `outside ${token} | not a row`;
      human.lines.add(line);
      return step.where === 'head' ? line + eol + text : text + line + eol;
    }
  }
}

function outside(text: string): [string, string] {
  return [text.slice(0, text.indexOf(TRACKER_START)), text.slice(text.indexOf(TRACKER_END))];
}

function applyRun(text: string, step: Extract<Step, { kind: 'run' }>, day: number): string {
  const observations: TrackerObservation[] = step.seen.map((s) => ({
    fingerprint: `fp-${s.fp}`,
    kind: 'shape',
    endpoints: [`GET /e/${s.fp}`],
    caseIds: s.cases.map((c) => CASES[c] ?? 'c0'),
    summary: `divergence ${s.fp}`,
  }));
  const ran = new Set([
    ...observations.flatMap((o) => o.caseIds),
    ...step.alsoRan.map((c) => CASES[c] ?? 'c0'),
  ]);
  const date = `2024-01-${String(day).padStart(2, '0')}`;
  const merged = mergeTracker(parseTracker(text, FILE), { observations, ranCaseIds: ran, date });
  const out = renderTracker(merged.doc);
  expect(outside(out)).toEqual(outside(text));
  const rows = trackerRows(parseTracker(out, FILE));
  for (const o of observations) {
    expect(rows.filter((row) => row.fingerprint === o.fingerprint)).toHaveLength(1);
  }
  return out;
}

function checkHuman(text: string, human: Human): void {
  const lines = new Set(splitLines(text).map((line) => line.text));
  for (const line of human.lines) expect(lines.has(line)).toBe(true);
  const doc = parseTracker(text, FILE);
  expect(renderTracker(doc)).toBe(text);
  const decision = columnsOf(doc).decision;
  const rows = rowItems(doc);
  expect(new Set(rows.map((item) => item.row.id)).size).toBe(rows.length);
  for (const item of rows) {
    const expected = human.decisions.get(item.row.fingerprint);
    if (expected !== undefined) expect(item.line.cells[decision]).toBe(expected);
    if (human.frozen.has(item.row.fingerprint)) expect(item.row.status).toBe('accepted');
  }
}

describe('tracker property: runs interleaved with human edits', () => {
  it('never loses a human byte and never duplicates a fingerprint', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('\n', '\r\n'),
        fc.array(stepArb, { maxLength: 25 }),
        (eol, steps) => {
          let text = newTrackerText(eol);
          const human: Human = { lines: new Set(), decisions: new Map(), frozen: new Set() };
          for (const [index, step] of steps.entries()) {
            text =
              step.kind === 'run'
                ? applyRun(text, step, index + 1)
                : applyHuman(text, eol, step, `h${index}`, human);
            checkHuman(text, human);
          }
          // Lines parity adds follow the file's endings: a CRLF file never gains a bare LF.
          if (eol === '\r\n') expect(text.replaceAll('\r\n', '')).not.toContain('\n');
        },
      ),
      { numRuns: 300 },
    );
  });
});
