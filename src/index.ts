/**
 * The programmatic API of `http-parity` (the `parity` command's package).
 * What a test suite or a script needs: load and validate a case library
 * (`loadCases` throws on any problem, `validateCases` lists them all), judge
 * two answers to one case (`judge`, or `compare` for the comparison alone),
 * run a library against two targets as `parity run` does (`runLibrary`, from
 * the options a person writes; `runParity`, from a resolved run input), and
 * fuzz two targets as `parity fuzz` does (`fuzzLibrary`), turn a body's
 * bytes into what `judge` compares (`decodeBody`), and read a report back
 * (`readReport`, `parseReport`), with the stage types.
 * These names are the stable surface: they change only with a note in the
 * CHANGELOG. Everything else under `dist/` is internal.
 */

import type { FuzzOutcome } from './engine/fuzz.js';
import { fuzzProjectLibrary, type ProjectFuzzOptions } from './engine/fuzz-library.js';
import type { ProjectOptions } from './engine/library-options.js';
import {
  type LibraryRun,
  type ProjectRunOptions,
  runProjectLibrary,
} from './engine/run-library.js';

/**
 * The library's options with the process's folder and environment by default:
 * this module is the package's edge for scripts, as the bin is the CLI's
 * (nothing else reads the process).
 */
type ProcessDefaults<T extends Pick<ProjectOptions, 'cwd' | 'env'>> = Omit<T, 'cwd' | 'env'> &
  Partial<Pick<T, 'cwd' | 'env'>>;

/** What `runLibrary` and `fuzzLibrary` share; `cwd` and `env` default to the process's. */
export type LibraryOptions = ProcessDefaults<ProjectOptions>;
/** `parity run`'s options; `cwd` and `env` default to the process's. */
export type LibraryRunOptions = ProcessDefaults<ProjectRunOptions>;
/** `parity fuzz`'s options; `cwd` and `env` default to the process's. */
export type LibraryFuzzOptions = ProcessDefaults<ProjectFuzzOptions>;

const withProcess = <T extends object>(options: T) => ({
  cwd: process.cwd(),
  env: process.env,
  ...options,
});

/** `parity run` from the options a person writes (see `LibraryRunOptions`). */
export function runLibrary(options: LibraryRunOptions): Promise<LibraryRun> {
  return runProjectLibrary(withProcess(options));
}

/** `parity fuzz` from the options a person writes (see `LibraryFuzzOptions`). */
export function fuzzLibrary(options: LibraryFuzzOptions): Promise<FuzzOutcome> {
  return fuzzProjectLibrary(withProcess(options));
}

export type { AssessedObservation } from './contract/assessment.js';
export type { Case, CaseRequest } from './contract/model/case.js';
export type { Comparison, Divergence } from './contract/model/comparison.js';
export type { Exchange, Response, ResponseBody, SideOutcome } from './contract/model/exchange.js';
export type { Change, Observation } from './contract/observation.js';
export type { RunReport } from './contract/report.js';
export { compare } from './core/compare/comparison.js';
export { type Judgement, judge } from './core/compare/judge.js';
export type { FuzzOutcome } from './engine/fuzz.js';
export type { RunVerdict } from './engine/run/verdict.js';
export { type RunInput, type RunOutcome, runParity } from './engine/run.js';
export type { LibraryRun } from './engine/run-library.js';
export { type CaseValidation, loadCases, validateCases } from './io/cases/load.js';
export { decodeBody } from './io/http/decode-body.js';
export type { Budget } from './judge/fuzz/budget.js';
export type { FuzzSummary } from './judge/fuzz/summary.js';
export { parseReport, readReport } from './reporters/report/read.js';
export type {
  AssessedRun,
  Reporter,
  ReporterFailure,
  RunEnd,
  RunReporter,
} from './reporters/reporter.js';
export { type InputProblem, ParityError, type ParityErrorCode } from './util/errors.js';
