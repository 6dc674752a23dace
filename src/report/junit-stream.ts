/**
 * junit.xml for a run too large to hold every result in memory (see
 * `results-stream.ts`): two passes over the run's junit rows, the first to
 * count each suite (the counts are attributes that come before the cases),
 * the second to write them. Same document as `renderJunit` would give. Pure.
 */

import type { JunitRow, PassedRow } from '../results/stream.js';
import type { CaseResult } from '../results/types.js';
import type { RunReport } from './contract.js';
import {
  type Counts,
  countAttributes,
  formatSeconds,
  outcomeOf,
  propertiesXml,
  seconds,
  tally,
  testcaseXml,
  zero,
} from './junit.js';
import { element, openTag, xmlAttr } from './junit-xml.js';

const PASSED = { kind: 'passed' } as const;

function isPassedRow(row: JunitRow): row is PassedRow {
  return 'slowestMs' in row;
}

/**
 * `testcaseXml` for a passed case, from the little a passed row holds (~100k
 * of these); `classname` is the row's suite, escaped once per suite.
 */
function passedXml(row: PassedRow, classname: string): string {
  const time = formatSeconds(row.slowestMs / 1000);
  return `<testcase classname="${classname}" name="${xmlAttr(row.caseId)}" time="${time}"/>`;
}

function tallyRow(counts: Counts, row: JunitRow): void {
  if (isPassedRow(row)) tally(counts, PASSED, row.slowestMs / 1000);
  else tally(counts, outcomeOf(row), seconds(row as CaseResult));
}

export function* renderJunitChunks(
  report: RunReport,
  rows: () => Iterable<JunitRow>,
): Iterable<string> {
  const suites = new Map<string, Counts>();
  const total = zero();
  for (const row of rows()) {
    let counts = suites.get(row.suite);
    if (counts === undefined) {
      counts = zero();
      suites.set(row.suite, counts);
    }
    tallyRow(counts, row);
    tallyRow(total, row);
  }
  const name = `parity: ${report.baseline.name} vs ${report.candidate.name}`;
  if (total.tests === 0) {
    yield `<?xml version="1.0" encoding="UTF-8"?>\n${element('testsuites', countAttributes(name, total))}\n`;
    return;
  }
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n${openTag('testsuites', countAttributes(name, total))}`;
  let current: string | undefined;
  let classname = '';
  for (const row of rows()) {
    if (row.suite !== current) {
      if (current !== undefined) out += '</testsuite>';
      current = row.suite;
      classname = xmlAttr(current);
      const counts = suites.get(current) ?? zero();
      const attrs = { ...countAttributes(current, counts), timestamp: report.startedAt };
      out += openTag('testsuite', attrs) + propertiesXml(report);
    }
    out += isPassedRow(row) ? passedXml(row, classname) : testcaseXml(row, outcomeOf(row));
    if (out.length > 65_536) {
      yield out;
      out = '';
    }
  }
  if (current !== undefined) out += '</testsuite>';
  yield `${out}</testsuites>\n`;
}
