/**
 * junit.xml for CI: one `<testcase>` per case, grouped in `<testsuite>`s by
 * case suite, in run order. Rendered in two passes over the run's rows (the
 * counts are attributes that come before the cases) and in chunks, so a run of
 * 100k cases is never one string. A suite whose cases are not next to each
 * other in the run (several files) gets one `<testsuite>` per stretch. A run a
 * signal stopped lists the cases it did not run after the others, each
 * `<skipped message="not run: interrupted by SIGINT"/>`, so CI sees every
 * selected case. Pure.
 */

import type { AssessedObservation } from '../../contract/assessment.js';
import type { RunReport } from '../../contract/report.js';
import type { JunitRow, PassedRow } from '../../judge/results/collected.js';
import {
  type Counts,
  countAttributes,
  type Outcome,
  outcomeOf,
  passedXml,
  propertiesXml,
  seconds,
  tally,
  testcaseXml,
  zero,
} from './junit-case.js';
import { element, openTag, xmlAttr } from './junit-xml.js';
import { junitOutcomeOf, type StoppedEarly, stoppedEarly } from './numbers.js';

/** A selected case a signal kept from running: it has no result, only its id. */
interface NotRunRow {
  readonly caseId: string;
  readonly suite: string;
  readonly notRun: string;
}

type Row = JunitRow | NotRunRow;

function isPassedRow(row: Row): row is PassedRow {
  return 'slowestMs' in row;
}

function isNotRunRow(row: Row): row is NotRunRow {
  return 'notRun' in row;
}

/**
 * Counts `row` into both its stretch's counts and the run's. Only the
 * outcome's kind counts: a divergence's failure text (explanation, diff,
 * repro) is built once, when its element is written.
 */
function tallyRow(stretch: Counts, total: Counts, row: Row): void {
  let kind: Outcome['kind'] = 'passed';
  let time = 0;
  if (isPassedRow(row)) time = row.slowestMs / 1000;
  else if (isNotRunRow(row)) kind = 'skipped';
  else {
    kind = junitOutcomeOf(row);
    time = seconds(row);
  }
  tally(stretch, kind, time);
  tally(total, kind, time);
}

function rowXml(row: Row, classname: string): string {
  if (isPassedRow(row)) return passedXml(row, classname);
  if (!isNotRunRow(row)) return testcaseXml(row, outcomeOf(row));
  const skipped = element('skipped', { message: row.notRun });
  return element('testcase', { classname: row.suite, name: row.caseId, time: '0.000' }, [skipped]);
}

/**
 * The run's rows, then one per case it did not run (a case id is `suite/…`:
 * suites are slugs); the rows themselves when every case ran (no generator
 * in between: junit.xml takes 100k rows twice).
 */
function withNotRun(rows: Iterable<JunitRow>, stopped: StoppedEarly | undefined): Iterable<Row> {
  return stopped === undefined ? rows : rowsAndNotRun(rows, stopped);
}

function* rowsAndNotRun(rows: Iterable<JunitRow>, stopped: StoppedEarly): Iterable<Row> {
  yield* rows;
  const notRun = stopped.message;
  for (const caseId of stopped.notRun) {
    yield { caseId, suite: caseId.slice(0, Math.max(0, caseId.indexOf('/'))), notRun };
  }
}

/**
 * Pass 1 of `renderJunitChunks`: the counts of each stretch of one suite, in
 * order, and of the whole run. A function of its own: each pass's loop is
 * then optimised once (in one function, the code optimised for the first
 * loop met the second with no type feedback and was compiled again).
 */
function stretchCounts(rows: Iterable<Row>): { stretches: Counts[]; total: Counts } {
  const stretches: Counts[] = [];
  const total = zero();
  let suite: string | undefined;
  for (const row of rows) {
    if (row.suite !== suite || stretches.length === 0) {
      suite = row.suite;
      stretches.push(zero());
    }
    tallyRow(stretches[stretches.length - 1] ?? zero(), total, row);
  }
  return { stretches, total };
}

/** About how many characters a chunk of rows holds. */
const BATCH = 16 * 1024;

/** The document as chunks, from `rows` (called twice: once to count, once to write). */
export function* renderJunitChunks(
  report: RunReport,
  ranRows: () => Iterable<JunitRow>,
): Iterable<string> {
  const rows = () => withNotRun(ranRows(), stoppedEarly(report));
  const { stretches, total } = stretchCounts(rows());
  const name = `parity: ${report.baseline.name} vs ${report.candidate.name}`;
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (total.tests === 0) {
    yield `${head}${element('testsuites', countAttributes(name, total))}\n`;
    return;
  }
  // Pass 2: the elements, a batch of rows at a time (a chunk per row cost a
  // step of each generator and an encoder call per row).
  let batch = `${head}${openTag('testsuites', countAttributes(name, total))}`;
  let stretch = -1;
  let classname = '';
  let suite: string | undefined;
  for (const row of rows()) {
    if (row.suite !== suite || stretch < 0) {
      if (stretch >= 0) batch += '</testsuite>';
      stretch++;
      suite = row.suite;
      classname = xmlAttr(suite);
      const counts = stretches[stretch] ?? zero();
      const attrs = { ...countAttributes(suite, counts), timestamp: report.startedAt };
      batch += openTag('testsuite', attrs) + propertiesXml(report);
    }
    batch += rowXml(row, classname);
    if (batch.length >= BATCH) {
      yield batch;
      batch = '';
    }
  }
  yield `${batch}</testsuite></testsuites>\n`;
}

/** The whole document for a report that holds every result (a re-read report.json). */
export function renderJunit(report: RunReport): string {
  const rows = (): Iterable<AssessedObservation> => report.results;
  return [...renderJunitChunks(report, rows)].join('');
}
