/**
 * `parity decide`: sets the status of rows (by id, or in bulk by family,
 * pattern, kind, the places they name and the cases they list) and appends
 * a note to their Decision cell. Pure: the document in, the edited document
 * out; every other cell and byte is kept as read, as a
 * person editing the markdown would keep it.
 */

import type { TrackerStatus } from '../../contract/vocabulary.js';
import { ParityError } from '../../util/errors.js';
import { writeAwaitingStatus } from './awaiting.js';
import { cellText, escapeCell, formatStatus } from './cells.js';
import { type Edits, editRow, type RowItem } from './rows.js';
import { familyOf, rowCasesWithin, rowWithin } from './select.js';
import type { DecidableStatus, TrackerDocument, TrackerRow } from './types.js';

/** Which rows to decide, and how. */
export interface DecideRequest {
  /** Row ids (`PAR-007`, any case); when empty, `pattern` and/or `kind` select the rows. */
  readonly ids: readonly string[];
  /** Rows of root causes of this pattern (read off the fingerprint). */
  readonly pattern?: string | undefined;
  /** Rows of this family: a pattern's name, `status`, `header`, `body-kind` or `structure` (the fingerprint's prefix). */
  readonly family?: string | undefined;
  /** Rows every place of whose Summary lies within this path pattern (`/meta/*`, `**\/tags`; `select.ts`). */
  readonly path?: string | undefined;
  /** Rows every case of which matches this case glob (`discovery/dumb-*`; `select.ts`). */
  readonly cases?: string | undefined;
  /** Rows of this kind (`status`, `shape`, `value`, `header`). */
  readonly kind?: string | undefined;
  readonly status: DecidableStatus;
  /** Appended to the Decision cell (after ` · ` when it has text). */
  readonly note?: string | undefined;
}

/** One row the request touched. */
export interface DecidedRow {
  readonly id: string;
  readonly from: TrackerStatus;
  readonly to: DecidableStatus;
  /** The row's Summary as text (`cellText`): `<` where the cell holds `&lt;`. */
  readonly summary: string;
}

function usage(message: string): ParityError {
  return new ParityError('PARITY_USAGE', message);
}

/** Rows a bulk decision may change: root causes still in force (awaiting evidence too) or decided (never history). */
const BULK: ReadonlySet<TrackerStatus> = new Set(['open', 'awaiting', 'accepted', 'wontfix']);

/** Rows named in an error: the first ones, and how many more. */
const ROWS_NAMED = 8;

/** `T.md: no row PAR-099 (rows: PAR-001, PAR-002, … and 3 more)`: the first rows, and how many more. */
export function noSuchRow(file: string, wanted: string, rows: readonly TrackerRow[]): string {
  const named = rows.slice(0, ROWS_NAMED).map((r) => r.id);
  const more = rows.length - named.length;
  const list = named.length === 0 ? 'none' : named.join(', ');
  return `${file}: no row ${wanted} (rows: ${more > 0 ? `${list} … and ${more} more` : list})`;
}

function selectByIds(rows: readonly TrackerRow[], ids: readonly string[], file: string) {
  return ids.map((wanted) => {
    const row = rows.find((r) => r.id.toLowerCase() === wanted.toLowerCase());
    if (row === undefined) {
      throw usage(noSuchRow(file, wanted, rows));
    }
    if (row.status === 'superseded') {
      throw usage(
        `${row.id} is superseded (${row.summary}); decide the rows that record its cases`,
      );
    }
    return row;
  });
}

/** The bulk selectors of a request, as typed: `--family structure --path '/meta/*'`. */
function selectors(request: DecideRequest): string {
  const named: [string, string | undefined][] = [
    ['--family', request.family],
    ['--pattern', request.pattern],
    ['--kind', request.kind],
    ['--path', request.path],
    ['--case', request.cases],
  ];
  return named
    .flatMap(([flag, value]) => (value === undefined ? [] : [`${flag} ${value}`]))
    .join(' ');
}

function selectInBulk(rows: readonly TrackerRow[], request: DecideRequest, file: string) {
  const selected = rows.filter(
    (row) =>
      BULK.has(row.status) &&
      (request.pattern === undefined || familyOf(row.fingerprint) === request.pattern) &&
      (request.family === undefined || familyOf(row.fingerprint) === request.family) &&
      (request.kind === undefined || row.kind === request.kind) &&
      (request.path === undefined || rowWithin(row, request.path)) &&
      (request.cases === undefined || rowCasesWithin(row, request.cases)),
  );
  // Nothing to decide is a mistyped selection far more often than a wish to do nothing.
  if (selected.length === 0) {
    const open = rows.filter((row) => BULK.has(row.status)).length;
    throw usage(
      `${file}: no open or decided row matches ${selectors(request)} (of ${open} open or decided row${open === 1 ? '' : 's'}); nothing changed`,
    );
  }
  return selected;
}

/** The rows a request names; bad ids and mixed selections are usage errors. */
export function selectRows(doc: TrackerDocument, request: DecideRequest): TrackerRow[] {
  const rows = (doc.block ?? []).flatMap((item) => (item.kind === 'row' ? [item.row] : []));
  const bulk = selectors(request) !== '';
  if (request.ids.length > 0 && bulk) {
    throw usage(
      'name rows by id, or select them with --family/--pattern/--kind/--path/--case, not both',
    );
  }
  if (request.ids.length === 0 && !bulk) {
    throw usage(
      'name the rows to decide (PAR-007), or select them with --family, --pattern, --kind, --path or --case',
    );
  }
  return bulk ? selectInBulk(rows, request, doc.file) : selectByIds(rows, request.ids, doc.file);
}

function decisionCell(raw: string, note: string): string {
  const kept = raw.trim();
  const added = inertLinks(escapeCell(note.trim()));
  return kept === '' ? added : `${kept} · ${added}`;
}

/**
 * A note's Markdown links stay links only to `http(s):`, `mailto:` and
 * relative targets; `[x](javascript:…)` and other schemes become text
 * (`[x]\(javascript:…)`), so the tracker never holds a link that runs code.
 */
function inertLinks(cell: string): string {
  return cell.replace(/\]\(\s*([a-z][a-z0-9+.-]*):/gi, (whole, scheme: string) =>
    /^(https?|mailto)$/i.test(scheme) ? whole : whole.replace('](', ']\\('),
  );
}

function decideItem(item: RowItem, request: DecideRequest, columns: Parameters<typeof editRow>[1]) {
  const edits: Edits = new Map();
  let row = item.row;
  if (row.status !== request.status) {
    edits.set('status', formatStatus(request.status));
    if (row.resolved !== '') edits.set('resolved', '');
    row = { ...row, status: request.status, resolved: '' };
  }
  const note = request.note?.trim() ?? '';
  if (note !== '') {
    const cell = decisionCell(item.line.cells[columns.decision] ?? '', note);
    edits.set('decision', cell);
    row = { ...row, decision: row.decision === '' ? note : `${row.decision} · ${note}` };
  }
  return editRow(item, columns, edits, row);
}

/** Applies the decision to the selected rows; returns the document and what changed. */
export function decideRows(
  doc: TrackerDocument,
  request: DecideRequest,
): { readonly doc: TrackerDocument; readonly decided: readonly DecidedRow[] } {
  const selected = new Set(selectRows(doc, request).map((row) => row.id));
  const header = (doc.block ?? []).find((item) => item.kind === 'header');
  if (header?.kind !== 'header' || selected.size === 0) return { doc, decided: [] };
  const decided: DecidedRow[] = [];
  const block = (doc.block ?? []).map((item) => {
    if (item.kind !== 'row' || !selected.has(item.row.id)) return item;
    const { status: from, id, summary } = item.row;
    decided.push({ id, from, to: request.status, summary: cellText(summary) });
    return decideItem(item, request, header.columns);
  });
  return { doc: writeAwaitingStatus({ ...doc, block }), decided };
}
