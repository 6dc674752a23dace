/**
 * Merges one run's observations (one per root cause) into a parsed tracker
 * (pure). Only the cells whose meaning changes are rewritten; every other
 * cell, line and byte is kept as read.
 */
import { ParityError } from '../../util/errors.js';
import { writeAwaitingStatus } from './awaiting.js';
import { escapeCell, formatStatus } from './cells.js';
import { missingCasesOf, type RowEvidence, type RunShowing, rowEvidence } from './evidence.js';
import { lastSeenCell } from './last-seen.js';
import { growList } from './lists.js';
import { markerLines, newTableItems } from './render.js';
import {
  addRows,
  type Edits,
  editRow,
  type HeaderItem,
  type RowItem,
  type RowStart,
} from './rows.js';
import { namesMorePlaces } from './select.js';
import {
  findingsByCase,
  inheritance,
  isCaseLevelRow,
  rekeyedRows,
  supersededSummary,
  supersessions,
  unsupersededSummary,
} from './supersede.js';
import {
  awaitsDrawnOrder,
  type BlockItem,
  type ColumnIndex,
  type MissingCases,
  type NotSeenRow,
  type TrackerChanges,
  type TrackerDocument,
  type TrackerObservation,
  type TrackerRow,
  type TrackerRun,
} from './types.js';

/** The merged document and the ids of the rows the run added or changed. */
export interface TrackerMerge {
  readonly doc: TrackerDocument;
  readonly changes: TrackerChanges;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function union(first: readonly string[], second: readonly string[]): string[] {
  return [...new Set([...first, ...second])];
}

/** One observation per fingerprint: a run may see the same root cause in several batches. */
function groupObservations(list: readonly TrackerObservation[]): Map<string, TrackerObservation> {
  const byFingerprint = new Map<string, TrackerObservation>();
  for (const obs of list) {
    const seen = byFingerprint.get(obs.fingerprint);
    byFingerprint.set(
      obs.fingerprint,
      seen === undefined
        ? obs
        : {
            ...seen,
            endpoints: union(seen.endpoints, obs.endpoints),
            caseIds: union(seen.caseIds, obs.caseIds),
          },
    );
  }
  return byFingerprint;
}

/** The blank line(s) that separate appended text from what the file already ends with. */
function separator(head: string, eol: string): string {
  if (head === '' || /(\r?\n){2}$/.test(head)) return '';
  return /\r?\n$/.test(head) ? eol : eol + eol;
}

/** Gives the document a managed block (appended at the end) and a table header if missing. */
function ensureTable(doc: TrackerDocument): { doc: TrackerDocument; items: BlockItem[] } {
  let ready = doc;
  if (doc.block === undefined) {
    const { start, end } = markerLines(doc.eol);
    ready = { ...doc, head: doc.head + separator(doc.head, doc.eol) + start, block: [], tail: end };
  }
  const items = [...(ready.block ?? [])];
  if (!items.some((item) => item.kind === 'header')) items.push(...newTableItems(doc.eol));
  return { doc: ready, items };
}

/**
 * The status a row seen again takes, and how it changed: back from
 * `_resolved_` (fixed and back), `_covered_` (its rule was removed) or
 * `_superseded_` (no longer a consequence of another cause), `_open_`, or
 * `_awaiting_` where the run saw it only at thin evidence; `_awaiting_` shown
 * where the run's evidence says it is real, `_open_`. An `_open_` row stays
 * open (evidence said it real before, or a person opened it), and a decided
 * one stays decided.
 */
function statusSeen(
  status: TrackerRow['status'],
  thin: boolean,
): { readonly status: TrackerRow['status']; readonly change?: 'reopened' | 'opened' } {
  if (status === 'resolved' || status === 'covered' || status === 'superseded') {
    return { status: thin ? 'awaiting' : 'open', change: 'reopened' };
  }
  if (status === 'awaiting' && !thin) return { status: 'open', change: 'opened' };
  return { status };
}

/**
 * A row seen again: last seen, grown case/endpoint lists, and the run's
 * Summary where it names every place in the body the cell names and more (the
 * cause now reaches more members), so that `decide --path` judges the row on
 * all it holds; where it names fewer (a run of some of the cases) or only
 * other example values, the cell is kept, so runs never churn it. (Its status: `statusSeen`.)
 */
function seenAgain(
  item: RowItem,
  columns: ColumnIndex,
  obs: Pick<TrackerObservation, 'caseIds' | 'endpoints'> & { readonly summary?: string },
  date: string,
) {
  const edits: Edits = new Map();
  let row: TrackerRow = item.row;
  if (row.lastSeen !== date || row.notSeen !== undefined) {
    edits.set('lastSeen', date);
    const { notSeen: _gone, ...seen } = row;
    row = { ...seen, lastSeen: date };
  }
  const state = { listed: row.caseIds, hidden: row.hiddenCases };
  const cases = growList(item.line.cells[columns.cases] ?? '', state, obs.caseIds);
  if (cases.cell !== undefined) {
    edits.set('cases', cases.cell);
    row = { ...row, caseIds: cases.listed, hiddenCases: cases.hidden };
  }
  const endState = { listed: row.endpoints, hidden: row.hiddenEndpoints };
  const ends = growList(item.line.cells[columns.endpoint] ?? '', endState, obs.endpoints);
  if (ends.cell !== undefined) {
    edits.set('endpoint', ends.cell);
    row = { ...row, endpoints: ends.listed, hiddenEndpoints: ends.hidden };
  }
  const kept = row.status === 'superseded' ? unsupersededSummary(row.summary) : row.summary;
  const summary =
    obs.summary !== undefined && namesMorePlaces(row.fingerprint, kept, obs.summary)
      ? obs.summary
      : kept;
  if (summary !== row.summary) {
    edits.set('summary', escapeCell(summary));
    row = { ...row, summary };
  }
  return { edits, row };
}

/** `seen`, its row set to `status` (and its Resolved cell cleared) when that is another. */
function withStatus(seen: { edits: Edits; row: TrackerRow }, status: TrackerRow['status']) {
  const { edits, row } = seen;
  if (row.status === status) return seen;
  edits.set('status', formatStatus(status));
  if (row.resolved !== '') edits.set('resolved', '');
  return { edits, row: { ...row, status, resolved: '' } };
}

interface MergeContext extends TrackerRun {
  readonly observed: ReadonlyMap<string, TrackerObservation>;
  /** Case-level rows this run supersedes (by fingerprint), with the root causes taking over. */
  readonly superseding: ReadonlyMap<string, readonly string[]>;
  /** Filled in: the `_open_` rows left open that list cases the library no longer holds. */
  readonly missing: MissingCases[];
  /** What the run showed, case by case (`evidence.ts`); absent when the run did not say what it selected. */
  readonly showing: RunShowing | undefined;
  /** Filled in: the rows whose cases ran without showing them or proving them fixed. */
  readonly notSeen: NotSeenRow[];
}

/** The rows a run may resolve, cover or mark not seen: root causes in force and undecided. */
const IN_FORCE: ReadonlySet<TrackerRow['status']> = new Set(['open', 'awaiting', 'covered']);

function updateRow(
  item: RowItem,
  columns: ColumnIndex,
  run: MergeContext,
  changes: TrackerChanges,
): RowItem {
  const { row } = item;
  // Rows being superseded are marked once the new rows exist.
  if (run.superseding.has(row.fingerprint)) return item;
  const obs = run.observed.get(row.fingerprint);
  // Superseded rows are history, unless the run shows their cause as a cause of its own again
  // (a finding that had been a consequence of another): then they reopen.
  if (row.status === 'superseded' && obs === undefined) return item;
  if (obs !== undefined) {
    const now = statusSeen(row.status, obs.unsettled === true);
    const seen = withStatus(seenAgain(item, columns, obs, run.date), now.status);
    changes[now.change ?? 'seen'].push(seen.row.id);
    return editRow(item, columns, seen.edits, seen.row);
  }
  const hidden = run.covered?.get(row.fingerprint);
  if (hidden !== undefined && (IN_FORCE.has(row.status) || row.status === 'resolved')) {
    return coveredRow(item, columns, { run, changes, hidden });
  }
  // A covered row whose rule is gone and whose cases no longer differ is fixed, as an open one.
  if (!IN_FORCE.has(row.status)) return item;
  const settled = settledOrder(row, run);
  if (settled !== undefined) return coveredRow(item, columns, { run, changes, hidden: settled });
  // See `evidence.ts`: every case that could still show the row ran cleanly, where it was.
  const evidence = rowEvidence(row, run.ranCaseIds, run.library, run.showing);
  if (!evidence.resolvable) {
    run.missing.push(...missingCasesOf(row, evidence.missing));
    return notSeenRow(item, columns, run, evidence.notSeen);
  }
  changes.resolved.push(row.id);
  const edits: Edits = new Map([
    ['status', formatStatus('resolved')],
    ['resolved', run.date],
  ]);
  const { notSeen, ...kept } = row;
  if (notSeen !== undefined) edits.set('lastSeen', lastSeenCell(kept));
  return editRow(item, columns, edits, { ...kept, status: 'resolved', resolved: run.date });
}

/**
 * The cases of a row awaiting a drawn order (`awaitsDrawnOrder`) when the
 * evidence it waits for came: every case it lists ran, and in each the run's
 * replica put a list in another order than the baseline's (its order learned
 * as noise, `TrackerRun.orderNoise`). The order is per-instance, not fixed:
 * the row is `_covered_` (covered by noise), as one a rule hides; a later run
 * without that evidence that shows it again reopens it.
 */
function settledOrder(row: TrackerRow, run: MergeContext): readonly string[] | undefined {
  const { orderNoise } = run;
  if (orderNoise === undefined || !awaitsDrawnOrder(row)) return undefined;
  const cases = row.caseIds;
  if (cases.length === 0 || row.hiddenCases > 0) return undefined;
  return cases.every((id) => run.ranCaseIds.has(id) && orderNoise.has(id)) ? cases : undefined;
}

/**
 * A row whose cases ran without showing it or proving it fixed: it stays as it
 * is, and its Last seen cell says since when it is not seen (the first such day).
 */
function notSeenRow(
  item: RowItem,
  columns: ColumnIndex,
  run: MergeContext,
  notSeen: RowEvidence['notSeen'],
): RowItem {
  if (notSeen === undefined) return item;
  const { row } = item;
  run.notSeen.push({ rowId: row.id, ...notSeen });
  if (row.notSeen !== undefined) return item;
  const marked = { ...row, notSeen: run.date };
  return editRow(item, columns, new Map([['lastSeen', lastSeenCell(marked)]]), marked);
}

/** What the run showed case by case, for `evidence.ts`; undefined when it did not say what it selected. */
function showingOf(
  run: TrackerRun,
  observed: ReadonlyMap<string, TrackerObservation>,
  rows: readonly TrackerRow[],
): RunShowing | undefined {
  if (run.selected === undefined) return undefined;
  const causes = new Map<string, string[]>();
  const add = (fingerprint: string, caseIds: readonly string[]) => {
    for (const id of caseIds) causes.set(id, [...(causes.get(id) ?? []), fingerprint]);
  };
  // A cause a rule hides is not a divergence: the person chose not to see it.
  for (const obs of observed.values()) add(obs.fingerprint, obs.caseIds);
  return {
    causesOf: (id) => causes.get(id) ?? [],
    flows: run.flows ?? new Map(),
    rows: new Map(rows.map((row) => [row.fingerprint, row] as const)),
    selected: run.selected,
    answers: run.answers,
  };
}

/**
 * A root cause this run's rules hid: `_covered_` (the servers still differ;
 * removing the rule reopens it), never `_resolved_`; Last seen moves, since
 * the run did see it, under the rule.
 */
function coveredRow(
  item: RowItem,
  columns: ColumnIndex,
  at: { run: MergeContext; changes: TrackerChanges; hidden: readonly string[] },
): RowItem {
  const { run, changes } = at;
  const seen = seenAgain(item, columns, { caseIds: at.hidden, endpoints: [] }, run.date);
  const { edits, row } = withStatus(seen, 'covered');
  changes.covered.push(row.id);
  return editRow(item, columns, edits, row);
}

/** What each new root cause inherits from the case-level rows it supersedes. */
function startsOf(
  rows: readonly TrackerRow[],
  superseding: ReadonlyMap<string, readonly string[]>,
) {
  const starts = new Map<string, RowStart>();
  const heirs = new Set([...superseding.values()].flat());
  for (const fingerprint of heirs) {
    const from = rows.filter((row) => superseding.get(row.fingerprint)?.includes(fingerprint));
    const start = inheritance(from);
    if (start.status !== 'open' || start.decision !== '') starts.set(fingerprint, start);
  }
  return starts;
}

/** Marks the superseded case-level rows, naming the rows that now record their cases. */
function markSuperseded(items: BlockItem[], columns: ColumnIndex, context: MergeContext): string[] {
  const idOf = new Map(
    items.flatMap((item) => (item.kind === 'row' ? [[item.row.fingerprint, item.row.id]] : [])),
  );
  const marked: string[] = [];
  items.forEach((item, index) => {
    const by = item.kind === 'row' ? context.superseding.get(item.row.fingerprint) : undefined;
    if (item.kind !== 'row' || by === undefined) return;
    const ids = by.map((fingerprint) => idOf.get(fingerprint) ?? fingerprint);
    const summary = supersededSummary(item.row.summary, ids);
    const edits: Edits = new Map([
      ['status', formatStatus('superseded')],
      ['summary', escapeCell(summary)],
    ]);
    items[index] = editRow(item, columns, edits, { ...item.row, status: 'superseded', summary });
    marked.push(item.row.id);
  });
  return marked;
}

/**
 * Applies a run to the tracker: new root causes become `_open_` rows (`_awaiting_`
 * where the run's evidence is thin), rows seen again get Last seen (and reopen
 * when `_resolved_`; an `_awaiting_` row shown with evidence opens), `_open_`
 * and `_awaiting_` rows whose cases all
 * ran cleanly become `_resolved_` (`evidence.ts`: a cut case list needs a run of
 * the whole library), case-level rows whose cases now show root causes
 * become `_superseded_`. `_accepted_`/`_wontfix_` rows keep their status, and the
 * Decision cell is never written after a row is created.
 */
export function mergeTracker(doc: TrackerDocument, run: TrackerRun): TrackerMerge {
  if (!DATE.test(run.date)) {
    throw new ParityError('PARITY_USAGE', `tracker date must be YYYY-MM-DD (got "${run.date}")`);
  }
  const observed = groupObservations(run.observations);
  const ready = ensureTable(doc);
  const header = ready.items.find((item): item is HeaderItem => item.kind === 'header');
  const changes: TrackerChanges = {
    added: [],
    reopened: [],
    opened: [],
    resolved: [],
    seen: [],
    covered: [],
    superseded: [],
  };
  if (header === undefined) return { doc: { ...ready.doc, block: ready.items }, changes };
  const { columns } = header;
  const rows = ready.items.flatMap((item) => (item.kind === 'row' ? [item.row] : []));
  const superseding = rekeyedRows(
    rows,
    observed.values(),
    supersessions(rows, findingsByCase(observed.values())),
  );
  const context: MergeContext = {
    ...run,
    observed,
    superseding,
    missing: [],
    showing: showingOf(run, observed, rows),
    notSeen: [],
  };
  const items = ready.items.map((item) =>
    item.kind === 'row' ? updateRow(item, columns, context, changes) : item,
  );
  const known = new Set(rows.map((row) => row.fingerprint));
  const fresh = [...observed.values()].filter((obs) => !known.has(obs.fingerprint));
  const starts = startsOf(
    rows.filter((row) => isCaseLevelRow(row) || superseding.has(row.fingerprint)),
    superseding,
  );
  for (const row of addRows(items, fresh, run.date, (fp) => starts.get(fp)))
    changes.added.push(row);
  changes.superseded.push(...markSuperseded(items, columns, context));
  const missingCases = context.missing.length === 0 ? {} : { missingCases: context.missing };
  const notSeen = context.notSeen.length === 0 ? {} : { notSeen: context.notSeen };
  return {
    doc: writeAwaitingStatus({ ...ready.doc, block: items }),
    changes: { ...changes, ...missingCases, ...notSeen },
  };
}
