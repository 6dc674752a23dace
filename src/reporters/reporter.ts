/**
 * The one interface of every output, in Playwright's style, and the one
 * multiplexer that feeds a list of them. A reporter hears the engine's
 * events, each hook optional:
 *
 * - `onBegin` — the run starts, with the number of cases it will send;
 * - `onObservation` — an observation: one case's result, once, as soon as it is
 *   known (in completion order, with its position in run order);
 * - `onAssessment` — the end-of-run assessment: the report with every result
 *   as assessed, and the folder being written (the report files write here);
 * - `onEnd` — the run ended: what it ended with (a run's report and its
 *   final folder; a fuzz run's summary).
 *
 * A source of observations other than the pool (a shadow of live traffic)
 * feeds the same reporters through the same multiplexer. `createReporters`
 * keeps each failure to its reporter: one that throws is listed and gets no
 * further event, and the others and the run go on. Only an `essential`
 * reporter's failure is the run's (results.ndjson: the reports are read from
 * it, so a run without it would write them short).
 */

import type { Observation } from '../contract/observation.js';
import type { RunReport } from '../contract/report.js';
import type { AssessedByCase, CollectedObservations } from '../judge/results/collected.js';

/** Every result of the run, for the formats that list every case. */
export interface AllObservations {
  readonly collected: CollectedObservations;
  /** The results the run's assessment speaks of, as assessed (the others as observed). */
  readonly final: AssessedByCase;
}

/** A run's report once assessed, every result, and the folder its files go into. */
export interface AssessedRun {
  readonly report: RunReport;
  readonly all: AllObservations;
  /** The folder the report files go into (the run's `.partial` folder, or `--out`). */
  readonly dir: string;
}

/** What a run or a merge ends with: as assessed, `dir` the run's folder under its final name. */
export type RunEnd = AssessedRun;

/** What a reporter may do; every hook is optional. `End` is what the run ends with. */
export interface Reporter<End = RunEnd> {
  /** How a failure names it (`json`, `console`, …). */
  readonly name: string;
  /** The run cannot go on without it: what it throws is thrown to the run. */
  readonly essential?: boolean;
  onBegin?(count: number): void;
  onObservation?(result: Observation, position: number): void;
  onAssessment?(assessed: AssessedRun): void | Promise<void>;
  onEnd?(end: End): void | Promise<void>;
}

/** A reporter of a run or a merge (the console, a test's, a report file). */
export type RunReporter = Reporter<RunEnd>;

export type ReporterHook = 'onBegin' | 'onObservation' | 'onAssessment' | 'onEnd';

/** A reporter that threw: which, in which hook, and what. */
export interface ReporterFailure {
  readonly name: string;
  readonly hook: ReporterHook;
  readonly error: Error;
}

/** Every reporter of a list behind one, each isolated from the others. */
export interface Reporters<End = RunEnd> {
  onBegin(count: number): void;
  onObservation(result: Observation, position: number): void;
  /** Every `onAssessment`, concurrently; resolves once each has finished or failed. */
  onAssessment(assessed: AssessedRun): Promise<void>;
  /** Every `onEnd`, concurrently; resolves once each has finished or failed. */
  onEnd(end: End): Promise<void>;
  /** The failures so far, in the order they happened. */
  failures(): readonly ReporterFailure[];
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

export function createReporters<End = RunEnd>(list: readonly Reporter<End>[]): Reporters<End> {
  const failed: ReporterFailure[] = [];
  // A reporter that failed once gets no further event: its output is already incomplete.
  const live = new Set(list);
  const fail = (reporter: Reporter<End>, hook: ReporterHook, error: unknown): void => {
    if (reporter.essential === true) throw error;
    live.delete(reporter);
    failed.push({ name: reporter.name, hook, error: asError(error) });
  };
  /** Calls one awaited hook of every live reporter concurrently, failures in the list's order. */
  const all = async (
    hook: 'onAssessment' | 'onEnd',
    call: (reporter: Reporter<End>) => void | Promise<void>,
  ): Promise<void> => {
    const called = list.filter((reporter) => live.has(reporter));
    const errors = await Promise.all(
      called.map(async (reporter) => {
        try {
          await call(reporter);
          return undefined;
        } catch (error) {
          return { error };
        }
      }),
    );
    // Failures in the list's order, whichever finished first.
    called.forEach((reporter, index) => {
      const failure = errors[index];
      if (failure !== undefined) fail(reporter, hook, failure.error);
    });
  };
  return {
    onBegin(count) {
      for (const reporter of list) {
        if (!live.has(reporter)) continue;
        try {
          reporter.onBegin?.(count);
        } catch (error) {
          fail(reporter, 'onBegin', error);
        }
      }
    },
    onObservation(result, position) {
      for (const reporter of list) {
        if (!live.has(reporter)) continue;
        try {
          reporter.onObservation?.(result, position);
        } catch (error) {
          fail(reporter, 'onObservation', error);
        }
      }
    },
    onAssessment: (assessed) =>
      all('onAssessment', (reporter) => reporter.onAssessment?.(assessed)),
    onEnd: (end) => all('onEnd', (reporter) => reporter.onEnd?.(end)),
    failures: () => [...failed],
  };
}
