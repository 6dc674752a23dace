/**
 * Parses the tracker markdown into a lossless document model. Pure: the caller
 * reads the file. Anything malformed inside the managed block is rejected with
 * the file and line, so a run never rewrites a table it does not understand.
 */
import { ParityError } from '../../util/errors.js';
import { readEarlierAwaiting } from './awaiting.js';
import {
  cellValue,
  detectEol,
  isTableLine,
  parseFingerprint,
  parseList,
  parseStatus,
  type RawLine,
  splitLines,
  splitTableLine,
} from './cells.js';
import { parseLastSeen } from './last-seen.js';
import { hiddenCount } from './lists.js';
import {
  type BlockItem,
  COLUMN_TITLES,
  type ColumnIndex,
  type TableLine,
  TRACKER_COLUMNS,
  TRACKER_END,
  TRACKER_START,
  type TrackerColumn,
  type TrackerDocument,
  type TrackerRow,
} from './types.js';

const NEXT_ID = /^\s*<!--\s*parity:next-id\s+(\d+)\s*-->\s*$/;
const ALIGN_CELL = /^\s*:?-+:?\s*$/;
const EXPECTED_HEADER = TRACKER_COLUMNS.map((column) => COLUMN_TITLES[column]).join(' | ');

function invalid(file: string, line: number, message: string): ParityError {
  return new ParityError('PARITY_TRACKER_INVALID', `${file}:${line}: ${message}`, {
    problems: [{ file, line, column: 1, field: '', message }],
  });
}

function joinRaw(lines: readonly RawLine[]): string {
  return lines.map((line) => line.text + line.eol).join('');
}

/** Finds the marker lines; `undefined` when the file has none. */
function findMarkers(lines: readonly RawLine[], file: string): [number, number] | undefined {
  let start: number | undefined;
  let end: number | undefined;
  for (const [index, { text }] of lines.entries()) {
    const trimmed = text.trim();
    const isStart = trimmed === TRACKER_START;
    const isEnd = trimmed === TRACKER_END;
    if (!isStart && !isEnd) {
      // A table row is data: a server's key can hold the markers' text (in a code span).
      if (!isTableLine(text) && (text.includes(TRACKER_START) || text.includes(TRACKER_END))) {
        throw invalid(file, index + 1, 'put the parity tracker marker on a line of its own');
      }
      continue;
    }
    const seen = isStart ? start : end;
    if (seen !== undefined) {
      throw invalid(file, index + 1, `duplicate marker (first on line ${seen + 1}); keep one`);
    }
    if (isStart) start = index;
    else if (start === undefined) {
      throw invalid(file, index + 1, `end marker without a start marker; add ${TRACKER_START}`);
    } else end = index;
  }
  if (start === undefined) return undefined;
  if (end === undefined) {
    throw invalid(file, start + 1, `start marker without an end marker; add ${TRACKER_END}`);
  }
  return [start, end];
}

/** Maps the header's titles to parity's columns; extra titles are the humans'. */
function readHeader(line: TableLine, file: string, lineNo: number): ColumnIndex {
  const found = new Map<TrackerColumn, number>();
  const byTitle = new Map(
    TRACKER_COLUMNS.map((column) => [COLUMN_TITLES[column].toLowerCase(), column] as const),
  );
  for (const [index, raw] of line.cells.entries()) {
    const column = byTitle.get(cellValue(raw).toLowerCase().replace(/\s+/g, ' '));
    if (column === undefined) continue;
    if (found.has(column)) {
      throw invalid(file, lineNo, `the header lists ${COLUMN_TITLES[column]} twice; keep one`);
    }
    found.set(column, index);
  }
  const missing = TRACKER_COLUMNS.filter((column) => !found.has(column));
  if (missing.length > 0) {
    const names = missing.map((column) => COLUMN_TITLES[column]).join(', ');
    throw invalid(
      file,
      lineNo,
      `the tracker header is missing ${names}; it needs ${EXPECTED_HEADER} (any order, extra columns allowed)`,
    );
  }
  const at = (column: TrackerColumn): number => found.get(column) ?? 0;
  return {
    id: at('id'),
    status: at('status'),
    kind: at('kind'),
    endpoint: at('endpoint'),
    cases: at('cases'),
    summary: at('summary'),
    firstSeen: at('firstSeen'),
    lastSeen: at('lastSeen'),
    resolved: at('resolved'),
    fingerprint: at('fingerprint'),
    decision: at('decision'),
  };
}

/** Reads a row's values; returns a message saying how to fix it when it is not valid. */
function readRow(line: TableLine, columns: ColumnIndex): TrackerRow | string {
  const value = (column: TrackerColumn): string => cellValue(line.cells[columns[column]] ?? '');
  const statusText = value('status');
  const status = parseStatus(statusText);
  if (status === undefined) {
    return `unknown status "${statusText}"; use _open_, _awaiting_, _accepted_, _wontfix_ or _resolved_`;
  }
  const fingerprint = parseFingerprint(value('fingerprint'));
  if (fingerprint === '') return 'the row has no fingerprint; restore it or delete the row';
  return {
    id: value('id'),
    status,
    kind: value('kind'),
    endpoints: parseList(value('endpoint')),
    hiddenEndpoints: hiddenCount(value('endpoint')),
    caseIds: parseList(value('cases')),
    hiddenCases: hiddenCount(value('cases')),
    summary: value('summary'),
    firstSeen: value('firstSeen'),
    ...parseLastSeen(value('lastSeen')),
    resolved: value('resolved'),
    fingerprint,
    decision: value('decision'),
  };
}

interface BlockState {
  readonly file: string;
  readonly items: BlockItem[];
  header: { readonly width: number; readonly columns: ColumnIndex; readonly line: number } | null;
  awaitingAlign: boolean;
  nextIdLine: number | undefined;
  readonly fingerprints: Map<string, number>;
  /** Row id (upper case) → the line it is first on. */
  readonly ids: Map<string, number>;
}

function readAlign(state: BlockState, raw: RawLine, lineNo: number): void {
  const width = state.header?.width ?? 0;
  const line = splitTableLine(raw.text, raw.eol);
  const valid = isTableLine(raw.text) && line.cells.every((cell) => ALIGN_CELL.test(cell));
  if (!valid || line.cells.length !== width) {
    throw invalid(
      state.file,
      lineNo,
      `the header must be followed by an alignment row with ${width} cells, like | --- | --- |`,
    );
  }
  state.awaitingAlign = false;
  state.items.push({ kind: 'align', text: raw.text, eol: raw.eol });
}

function readTableLine(state: BlockState, raw: RawLine, lineNo: number): void {
  const line = splitTableLine(raw.text, raw.eol);
  if (state.header === null) {
    const columns = readHeader(line, state.file, lineNo);
    state.header = { width: line.cells.length, columns, line: lineNo };
    state.awaitingAlign = true;
    state.items.push({ kind: 'header', line, columns });
    return;
  }
  const { width, columns } = state.header;
  if (line.cells.length !== width) {
    const fix = 'add or remove cells, and write a literal pipe as \\|';
    throw invalid(
      state.file,
      lineNo,
      `the row has ${line.cells.length} cells but the header has ${width}; ${fix}`,
    );
  }
  const row = readRow(line, columns);
  if (typeof row === 'string') throw invalid(state.file, lineNo, row);
  const first = state.fingerprints.get(row.fingerprint);
  if (first !== undefined) {
    const fix = `merge the two rows into one`;
    throw invalid(
      state.file,
      lineNo,
      `fingerprint ${row.fingerprint} is already on line ${first}; ${fix}`,
    );
  }
  state.fingerprints.set(row.fingerprint, lineNo);
  const id = row.id.toUpperCase();
  const firstId = state.ids.get(id);
  if (id !== '' && firstId !== undefined) {
    throw invalid(
      state.file,
      lineNo,
      `row id ${row.id} is already used on line ${firstId}; give one of the two rows another id (ids are never reused)`,
    );
  }
  state.ids.set(id, lineNo);
  state.items.push({ kind: 'row', line, row });
}

function readBlockLine(state: BlockState, raw: RawLine, lineNo: number): void {
  if (state.awaitingAlign) {
    readAlign(state, raw, lineNo);
    return;
  }
  const nextId = NEXT_ID.exec(raw.text);
  if (nextId !== null) {
    if (state.nextIdLine !== undefined) {
      const fix = `keep only the one on line ${state.nextIdLine}`;
      throw invalid(state.file, lineNo, `duplicate parity:next-id comment; ${fix}`);
    }
    state.nextIdLine = lineNo;
    const value = Number(nextId[1]);
    state.items.push({ kind: 'next-id', value, text: raw.text, eol: raw.eol });
    return;
  }
  if (isTableLine(raw.text)) readTableLine(state, raw, lineNo);
  else state.items.push({ kind: 'text', text: raw.text, eol: raw.eol });
}

function parseBlock(lines: readonly RawLine[], first: number, file: string): BlockItem[] {
  const state: BlockState = {
    file,
    items: [],
    header: null,
    awaitingAlign: false,
    nextIdLine: undefined,
    fingerprints: new Map(),
    ids: new Map(),
  };
  for (const [offset, raw] of lines.entries()) readBlockLine(state, raw, first + offset + 1);
  if (state.awaitingAlign && state.header !== null) {
    throw invalid(file, state.header.line, 'the header must be followed by an alignment row');
  }
  return readEarlierAwaiting(state.items);
}

/**
 * Parses tracker text. A file without markers is valid (merging appends the table);
 * a malformed managed block throws `PARITY_TRACKER_INVALID` naming `file:line`.
 */
export function parseTracker(text: string, file: string): TrackerDocument {
  const lines = splitLines(text);
  const eol = detectEol(text);
  const markers = findMarkers(lines, file);
  if (markers === undefined) return { file, eol, head: text, block: undefined, tail: '' };
  const [start, end] = markers;
  return {
    file,
    eol,
    head: joinRaw(lines.slice(0, start + 1)),
    block: parseBlock(lines.slice(start + 1, end), start + 1, file),
    tail: joinRaw(lines.slice(end)),
  };
}

/** The rows of a parsed tracker, in file order. */
export function trackerRows(doc: TrackerDocument): TrackerRow[] {
  return (doc.block ?? []).flatMap((item) => (item.kind === 'row' ? [item.row] : []));
}
