/**
 * junit.xml for a run too large to hold every result in memory (see
 * `results-stream.ts`): two passes over the streamed results, the first to
 * count each suite (the counts are attributes that come before the cases),
 * the second to write them. Same document as `renderJunit` would give. Pure.
 */
import type { CaseResult } from '../model.js';
import type { ResultJson } from './json.js';
import {
  type Counts,
  countAttributes,
  outcomeOf,
  propertiesXml,
  seconds,
  tally,
  testcaseXml,
  zero,
} from './junit.js';
import { element, openTag } from './junit-xml.js';
import type { RunReport } from './model.js';

const HEAD = /^\{"caseId":("(?:[^"\\]|\\.)*"),"suite":("(?:[^"\\]|\\.)*"),/;
const DURATION = /"durationMs":(-?[0-9.eE+-]+)/g;

/**
 * A result for the JUnit passes. Lines from results.ndjson are nearly always
 * plainly equal results (the others stay in memory and come as objects): such
 * a line is read for what a passed `<testcase>` needs without parsing it whole,
 * since 100k of them are read twice.
 */
function parse(result: ResultJson): CaseResult {
  if (typeof result !== 'string') return result;
  // Escaped inside strings, these keys can only match the result's own fields.
  if (!result.includes('"verdict":"equal"') || result.includes('"expectations":')) {
    return JSON.parse(result) as CaseResult;
  }
  const head = HEAD.exec(result);
  const durations = [...result.matchAll(DURATION)].slice(0, 2).map((m) => Number(m[1]));
  const [baseline, candidate] = durations;
  if (head === null || baseline === undefined || candidate === undefined) {
    return JSON.parse(result) as CaseResult;
  }
  return plainEqual(JSON.parse(head[1] ?? '""'), JSON.parse(head[2] ?? '""'), baseline, candidate);
}

function plainEqual(
  caseId: string,
  suite: string,
  baseline: number,
  candidate: number,
): CaseResult {
  return {
    caseId,
    suite,
    endpoint: '',
    request: { method: 'GET', path: '' },
    baseline: { status: undefined, durationMs: baseline },
    candidate: { status: undefined, durationMs: candidate },
    verdict: 'equal',
    kinds: [],
    changes: [],
    headerChanges: [],
  };
}

export async function* renderJunitChunks(
  report: RunReport,
  all: () => AsyncIterable<ResultJson>,
): AsyncIterable<string> {
  const suites = new Map<string, Counts>();
  const total = zero();
  for await (const item of all()) {
    const result = parse(item);
    const outcome = outcomeOf(result);
    let counts = suites.get(result.suite);
    if (counts === undefined) {
      counts = zero();
      suites.set(result.suite, counts);
    }
    tally(counts, outcome, seconds(result));
    tally(total, outcome, seconds(result));
  }
  const name = `parity: ${report.baseline.name} vs ${report.candidate.name}`;
  if (total.tests === 0) {
    yield `<?xml version="1.0" encoding="UTF-8"?>\n${element('testsuites', countAttributes(name, total))}\n`;
    return;
  }
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n${openTag('testsuites', countAttributes(name, total))}`;
  let current: string | undefined;
  for await (const item of all()) {
    const result = parse(item);
    if (result.suite !== current) {
      if (current !== undefined) out += '</testsuite>';
      current = result.suite;
      const counts = suites.get(current) ?? zero();
      const attrs = { ...countAttributes(current, counts), timestamp: report.startedAt };
      out += openTag('testsuite', attrs) + propertiesXml(report);
    }
    out += testcaseXml(result, outcomeOf(result));
    if (out.length > 65_536) {
      yield out;
      out = '';
    }
  }
  if (current !== undefined) out += '</testsuite>';
  yield `${out}</testsuites>\n`;
}
