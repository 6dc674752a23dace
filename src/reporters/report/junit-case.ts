/**
 * One case of junit.xml: its outcome and its `<testcase>` (classname = suite,
 * name = case id). A divergence is a `<failure>` with its explanation and
 * diff; a transport error an `<error>`; an accepted divergence (every root
 * cause's row accepted or wontfix) is `<skipped>` naming the rows, and so is
 * a flow step that was not sent, with the reason. Pure.
 */

import type { AssessedObservation } from '../../contract/assessment.js';
import { primaryKind } from '../../contract/model/comparison.js';
import type { SideSummary } from '../../contract/observation.js';
import type { RunReport } from '../../contract/report.js';
import type { PassedRow } from '../../judge/results/collected.js';
import { changeLines, headerLines } from './change-lines.js';
import { element, textElement, xmlAttr } from './junit-xml.js';
import { junitOutcomeOf } from './numbers.js';

/** What one case is in JUnit terms. */
export type Outcome =
  | { readonly kind: 'passed' }
  | {
      readonly kind: 'failure';
      readonly type: string;
      readonly message: string;
      readonly body: string;
    }
  | {
      readonly kind: 'error';
      readonly type: string;
      readonly message: string;
      readonly body: string;
    }
  | { readonly kind: 'skipped'; readonly message: string };

function sideError(name: string, side: SideSummary): string | undefined {
  return side.error === undefined ? undefined : `${name}: ${side.error.code} ${side.error.message}`;
}

/** The text a CI page shows under the failure: explanation, diff, headers, repro. */
function failureBody(result: AssessedObservation): string {
  const parts = [result.explanation ?? result.summary ?? ''];
  const diff = [...changeLines(result.changes ?? []), ...headerLines(result.headerChanges ?? [])];
  if (diff.length > 0) parts.push(diff.join('\n'));
  for (const line of result.expectations ?? []) parts.push(`expectation not met: ${line}`);
  if (result.repro !== undefined) {
    parts.push(`reproduce:\n${result.repro.baseline}\n${result.repro.candidate}`);
  }
  return parts.filter((p) => p !== '').join('\n\n');
}

function transportOutcome(result: AssessedObservation): Outcome {
  const errors = [sideError('baseline', result.baseline), sideError('candidate', result.candidate)];
  const message = errors.filter((e) => e !== undefined).join('; ');
  const code = result.baseline.error?.code ?? result.candidate.error?.code ?? 'transport';
  return { kind: 'error', type: code, message, body: failureBody(result) };
}

export function outcomeOf(result: AssessedObservation): Outcome {
  const kind = junitOutcomeOf(result);
  switch (kind) {
    case 'passed':
      return { kind };
    case 'error':
      return transportOutcome(result);
    case 'skipped':
      return { kind, message: skippedMessage(result) };
    case 'failure':
      return failureOutcome(result);
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** `accepted: every root cause is decided (PAR-001 accepted, PAR-004 wontfix)`. */
function skippedMessage(result: AssessedObservation): string {
  if (result.verdict === 'skipped') return result.reason;
  const rows = (result.findings ?? []).flatMap((f) =>
    f.tracker === undefined ? [] : [`${f.tracker.id} ${f.tracker.status}`],
  );
  return `accepted: every root cause is decided (${[...new Set(rows)].join(', ')})`;
}

function failureOutcome(result: AssessedObservation): Outcome {
  if (result.verdict === 'divergent') {
    const type = primaryKind(result.kinds) ?? 'divergence';
    const message = result.summary ?? `${type} divergence`;
    return { kind: 'failure', type, message, body: failureBody(result) };
  }
  const message = (result.expectations ?? []).join('; ');
  return { kind: 'failure', type: 'expectation', message, body: failureBody(result) };
}

function outcomeElement(outcome: Outcome): string[] {
  switch (outcome.kind) {
    case 'passed':
      return [];
    case 'skipped':
      return [element('skipped', { message: outcome.message })];
    case 'failure':
    case 'error':
      return [
        textElement(outcome.kind, { message: outcome.message, type: outcome.type }, outcome.body),
      ];
    default: {
      const never: never = outcome;
      throw new Error(`unknown outcome ${String(never)}`);
    }
  }
}

/** Seconds for a case: the slower side (both are sent at once). */
export function seconds(result: AssessedObservation): number {
  return Math.max(result.baseline.durationMs, result.candidate.durationMs) / 1000;
}

/**
 * `s.toFixed(3)`, a junit.xml time. Written from the integer number of
 * thousandths when `s · 1000` is clearly off the halfway point between two
 * (toFixed's own rounding gives that integer then: the product's rounding
 * error is far below the margin), which is cheaper than V8's exact
 * formatting for each of 100k rows; anything else is `toFixed`'s.
 */
export function formatSeconds(s: number): string {
  const thousandths = s * 1000;
  const n = Math.round(thousandths);
  if (!(s >= 0) || n > 1e12 || Math.abs(thousandths - n) > 0.49) return s.toFixed(3);
  const whole = Math.floor(n / 1000);
  const fraction = n - whole * 1000;
  return `${whole}.${fraction < 10 ? '00' : fraction < 100 ? '0' : ''}${fraction}`;
}

export interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  time: number;
}

export function countAttributes(name: string, counts: Counts) {
  return {
    name,
    tests: counts.tests,
    failures: counts.failures,
    errors: counts.errors,
    skipped: counts.skipped,
    time: formatSeconds(counts.time),
  };
}

export function tally(counts: Counts, kind: Outcome['kind'], time: number): void {
  counts.tests++;
  counts.time += time;
  if (kind === 'failure') counts.failures++;
  else if (kind === 'error') counts.errors++;
  else if (kind === 'skipped') counts.skipped++;
}

export const zero = (): Counts => ({ tests: 0, failures: 0, errors: 0, skipped: 0, time: 0 });

/** One `<testcase>` with its outcome. */
export function testcaseXml(result: AssessedObservation, outcome: Outcome): string {
  const attrs = {
    classname: result.suite,
    name: result.caseId,
    time: formatSeconds(seconds(result)),
  };
  return element('testcase', attrs, outcomeElement(outcome));
}

/** The run's targets and id, repeated in every suite (CI views show them per suite). */
export function propertiesXml(report: RunReport): string {
  return element('properties', {}, [
    element('property', {
      name: 'baseline',
      value: `${report.baseline.name} ${report.baseline.url}`,
    }),
    element('property', {
      name: 'candidate',
      value: `${report.candidate.name} ${report.candidate.url}`,
    }),
    element('property', { name: 'runId', value: report.runId }),
  ]);
}

/**
 * `testcaseXml` for a passed case, from the little a passed row holds (~100k
 * of these); `classname` is the row's suite, already escaped.
 */
export function passedXml(row: PassedRow, classname: string): string {
  const time = formatSeconds(row.slowestMs / 1000);
  return `<testcase classname="${classname}" name="${xmlAttr(row.caseId)}" time="${time}"/>`;
}
