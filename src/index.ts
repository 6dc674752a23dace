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

export type { FuzzOutcome, FuzzSummary } from './app/fuzz.js';
export { fuzzLibrary, type LibraryFuzzOptions } from './app/fuzz-library.js';
export type { LibraryOptions } from './app/library-options.js';
export { type RunInput, type RunOutcome, runParity } from './app/run.js';
export { type LibraryRun, type LibraryRunOptions, runLibrary } from './app/run-library.js';
export type { RunVerdict } from './app/verdict.js';
export { type CaseValidation, loadCases, validateCases } from './cases/load.js';
export { compare } from './compare/comparison.js';
export { type Judgement, judge } from './compare/judge.js';
export { decodeBody } from './execute/decode-body.js';
export type { Budget } from './fuzz/budget.js';
export type { Case, CaseRequest } from './model/case.js';
export type { Change, Comparison, Divergence } from './model/comparison.js';
export type { Exchange, Response, ResponseBody, SideOutcome } from './model/exchange.js';
export type { RunReport } from './report/contract.js';
export { parseReport, readReport } from './report/read.js';
export type { CaseResult } from './results/types.js';
