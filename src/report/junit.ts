/**
 * junit.xml for CI: one `<testcase>` per case, grouped in `<testsuite>`s by
 * case suite, in run order. Rendered in two passes over the run's rows (the
 * counts are attributes that come before the cases) and in chunks, so a run of
 * 100k cases is never one string. A suite whose cases are not next to each
 * other in the run (several files) gets one `<testsuite>` per stretch. Pure.
 */
import type { JunitRow, PassedRow } from '../results/collected.js';
import type { CaseResult } from '../results/types.js';
import type { RunReport } from './contract.js';
import {
  type Counts,
  countAttributes,
  outcomeOf,
  passedXml,
  propertiesXml,
  seconds,
  tally,
  testcaseXml,
  zero,
} from './junit-case.js';
import { element, openTag, xmlAttr } from './junit-xml.js';

const PASSED = { kind: 'passed' } as const;

function isPassedRow(row: JunitRow): row is PassedRow {
  return 'slowestMs' in row;
}

function tallyRow(counts: Counts, row: JunitRow): void {
  if (isPassedRow(row)) tally(counts, PASSED, row.slowestMs / 1000);
  else tally(counts, outcomeOf(row), seconds(row));
}

/** The document as chunks, from `rows` (called twice: once to count, once to write). */
export function* renderJunitChunks(
  report: RunReport,
  rows: () => Iterable<JunitRow>,
): Iterable<string> {
  // Pass 1: the counts of each stretch of one suite, in order, and of the whole run.
  const stretches: Counts[] = [];
  const total = zero();
  let suite: string | undefined;
  for (const row of rows()) {
    if (row.suite !== suite || stretches.length === 0) {
      suite = row.suite;
      stretches.push(zero());
    }
    tallyRow(stretches[stretches.length - 1] ?? zero(), row);
    tallyRow(total, row);
  }
  const name = `parity: ${report.baseline.name} vs ${report.candidate.name}`;
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (total.tests === 0) {
    yield `${head}${element('testsuites', countAttributes(name, total))}\n`;
    return;
  }
  // Pass 2: the elements.
  let out = `${head}${openTag('testsuites', countAttributes(name, total))}`;
  let stretch = -1;
  let classname = '';
  suite = undefined;
  for (const row of rows()) {
    if (row.suite !== suite || stretch < 0) {
      if (stretch >= 0) out += '</testsuite>';
      stretch++;
      suite = row.suite;
      classname = xmlAttr(suite);
      const counts = stretches[stretch] ?? zero();
      const attrs = { ...countAttributes(suite, counts), timestamp: report.startedAt };
      out += openTag('testsuite', attrs) + propertiesXml(report);
    }
    out += isPassedRow(row) ? passedXml(row, classname) : testcaseXml(row, outcomeOf(row));
    if (out.length > 65_536) {
      yield out;
      out = '';
    }
  }
  yield `${out}</testsuite></testsuites>\n`;
}

/** The whole document for a report that holds every result (a re-read report.json). */
export function renderJunit(report: RunReport): string {
  const rows = (): Iterable<CaseResult> => report.results;
  return [...renderJunitChunks(report, rows)].join('');
}
