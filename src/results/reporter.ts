/**
 * One interface for every output of a run, in Playwright's style: `onBegin`
 * once with the number of cases, `onResult` once per case as its result is
 * known (in completion order, with its position in run order), `onEnd` once
 * with what the run ended with. The console summary, results.ndjson,
 * report.json, report.md, report.html and junit.xml all implement it; so do the
 * run's own tallies (latency, coverage). `createReporters` feeds a list of
 * them and keeps each failure to its reporter: a reporter that throws is
 * reported and stops receiving events, and the others and the run go on.
 * Only an `essential` reporter's failure is the run's (results.ndjson: the
 * reports are read from it, so a run without it would write them short).
 */
import type { CaseResult } from './types.js';

/** What a reporter may do; every hook is optional. `End` is what the run ended with. */
export interface Reporter<End> {
  /** How a failure names it (`json`, `console`, …). */
  readonly name: string;
  /** The run cannot go on without it: what it throws is thrown to the run. */
  readonly essential?: boolean;
  onBegin?(count: number): void;
  onResult?(result: CaseResult, position: number): void;
  onEnd?(end: End): void | Promise<void>;
}

export type ReporterHook = 'onBegin' | 'onResult' | 'onEnd';

/** A reporter that threw: which, in which hook, and what. */
export interface ReporterFailure {
  readonly name: string;
  readonly hook: ReporterHook;
  readonly error: Error;
}

/** Every reporter of a list behind one, each isolated from the others. */
export interface Reporters<End> {
  onBegin(count: number): void;
  onResult(result: CaseResult, position: number): void;
  /** Every `onEnd`, concurrently; resolves once each has finished or failed. */
  onEnd(end: End): Promise<void>;
  /** The failures so far, in the order they happened. */
  failures(): readonly ReporterFailure[];
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

export function createReporters<End>(list: readonly Reporter<End>[]): Reporters<End> {
  const failed: ReporterFailure[] = [];
  // A reporter that failed once gets no further event: its output is already incomplete.
  const live = new Set(list);
  const fail = (reporter: Reporter<End>, hook: ReporterHook, error: unknown): void => {
    if (reporter.essential === true) throw error;
    live.delete(reporter);
    failed.push({ name: reporter.name, hook, error: asError(error) });
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
    onResult(result, position) {
      for (const reporter of list) {
        if (!live.has(reporter)) continue;
        try {
          reporter.onResult?.(result, position);
        } catch (error) {
          fail(reporter, 'onResult', error);
        }
      }
    },
    async onEnd(end) {
      const ending = list.filter((reporter) => live.has(reporter));
      const errors = await Promise.all(
        ending.map(async (reporter) => {
          try {
            await reporter.onEnd?.(end);
            return undefined;
          } catch (error) {
            return { error };
          }
        }),
      );
      // Failures in the list's order, whichever finished first.
      ending.forEach((reporter, index) => {
        const failure = errors[index];
        if (failure !== undefined) fail(reporter, 'onEnd', failure.error);
      });
    },
    failures: () => [...failed],
  };
}
