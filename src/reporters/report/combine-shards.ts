/**
 * Combines shard reports into one report, as if one run had replayed every case.
 * Pure: reading the files and writing the result happen at the edges.
 */

import type { AssessedObservation } from '../../contract/assessment.js';
import type { CoverageSection, MergedFrom, RunReport, TargetRef } from '../../contract/report.js';
import { REPORT_SCHEMA_VERSION } from '../../contract/vocabulary.js';
import { firedBy } from '../../core/compare/equivalence/labels.js';
import { combineCoverage } from '../../judge/results/coverage.js';
import { summariseLatency } from '../../judge/results/latency.js';
import { summarise } from '../../judge/results/summary.js';
import { hasFindings } from '../../judge/results/types.js';
import { ParityError } from '../../util/errors.js';

/** One report to merge and the file it came from (for error messages). */
export interface ShardReport {
  readonly file: string;
  readonly report: RunReport;
}

function invalid(message: string): ParityError {
  return new ParityError('PARITY_REPORT_INVALID', message);
}

function sameTarget(a: TargetRef, b: TargetRef): boolean {
  return a.name === b.name && a.url === b.url;
}

function describeTargets(report: RunReport): string {
  return `${report.baseline.name}=${report.baseline.url} vs ${report.candidate.name}=${report.candidate.url}`;
}

/** Every report must compare the same baseline with the same candidate. */
function checkTargets(shards: readonly ShardReport[]): void {
  const [first, ...rest] = shards;
  if (first === undefined) return;
  for (const shard of rest) {
    const { report } = shard;
    if (
      sameTarget(report.baseline, first.report.baseline) &&
      sameTarget(report.candidate, first.report.candidate)
    ) {
      continue;
    }
    throw invalid(
      `${shard.file} compares ${describeTargets(report)} but ${first.file} compares ${describeTargets(first.report)}; merge only reports of the same targets`,
    );
  }
}

/**
 * An interrupted run, or one `--bail` stopped, is refused: its cases not run
 * would pass for a shard's whole share, and the merged report would update
 * the tracker as if they had run.
 */
function checkNotInterrupted(shards: readonly ShardReport[]): void {
  for (const { file, report } of shards) {
    const stop = report.interrupted;
    if (stop !== undefined) {
      throw invalid(
        `${file} is an interrupted run (${stop.signal}: ${stop.notRun.length} case(s) not run); run it again and merge the complete report`,
      );
    }
    const bailed = report.bailed;
    if (bailed !== undefined) {
      throw invalid(
        `${file} is a run --bail stopped (${bailed.notRun.length} case(s) not run); run it again without --bail and merge the complete report`,
      );
    }
  }
}

/**
 * Shard reports are merged only as shards of one run: no report without a
 * shard among them, one total, each index once.
 */
function checkShardSet(shards: readonly ShardReport[]): void {
  const sharded = shards.filter(({ report }) => report.shard !== undefined);
  const [first] = sharded;
  if (first === undefined) return;
  const oneRun = 'merge the shards of one run (the same --shard total, each index once)';
  const plain = shards.find(({ report }) => report.shard === undefined);
  if (plain !== undefined) {
    throw invalid(
      `${plain.file} is not a shard report but ${first.file} is shard ${shardText(first.report)}; ${oneRun}`,
    );
  }
  const seen = new Map<number, string>();
  for (const { file, report } of sharded) {
    if (report.shard?.total !== first.report.shard?.total) {
      throw invalid(
        `${file} is shard ${shardText(report)} but ${first.file} is shard ${shardText(first.report)}; ${oneRun}`,
      );
    }
    const index = report.shard?.index ?? 0;
    const twice = seen.get(index);
    if (twice !== undefined) {
      throw invalid(`${twice} and ${file} are both shard ${shardText(report)}; ${oneRun}`);
    }
    seen.set(index, file);
  }
}

function shardText(report: RunReport): string {
  return report.shard === undefined ? '' : `${report.shard.index}/${report.shard.total}`;
}

/**
 * Results of a shard without what belongs to the shard's own run: the tracker
 * rows of its findings, its verdict after decisions and the regression mark
 * are recomputed for the merged report.
 */
function plainResult(result: AssessedObservation): AssessedObservation {
  if (!hasFindings(result)) {
    const { regression: _regression, ...rest } = result;
    return rest;
  }
  const { regression: _regression, ...rest } = result;
  const findings = result.findings.map(({ tracker: _tracker, ...finding }) => finding);
  return { ...rest, verdict: 'divergent', findings };
}

/**
 * A shard's results cut into the units the run dealt (`--shard` deals units,
 * never splitting one): the results of one serial sequence, or of one flow,
 * together; any other result alone.
 */
function dealtUnits(results: readonly AssessedObservation[]): AssessedObservation[][] {
  const units: AssessedObservation[][] = [];
  let key: string | undefined;
  for (const result of results) {
    const next = result.serial ?? (result.flow === undefined ? undefined : `\0${result.flow.id}`);
    const last = units[units.length - 1];
    if (last === undefined || next === undefined || next !== key) units.push([result]);
    else last.push(result);
    key = next;
  }
  return units;
}

/**
 * The union of the shards' results in run order; a case in two shards is an
 * error naming both files. Shards deal the run's units round-robin (`--shard`),
 * so a complete set of shard reports interleaves back into the run's order;
 * reports that are not shards of one run follow each other in the order given.
 */
function unionResults(shards: readonly ShardReport[]): AssessedObservation[] {
  const owner = new Map<string, string>();
  for (const { file, report } of shards) {
    for (const result of report.results) {
      const first = owner.get(result.caseId);
      if (first !== undefined) {
        throw invalid(
          `case ${result.caseId} is in both ${first} and ${file}; merge reports of disjoint shards (the same --shard total, each index once)`,
        );
      }
      owner.set(result.caseId, file);
    }
  }
  const totals = new Set(shards.map(({ report }) => report.shard?.total));
  const [total] = totals;
  if (totals.size !== 1 || total === undefined) {
    return shards.flatMap(({ report }) => report.results.map(plainResult));
  }
  const placed: { position: number; unit: AssessedObservation[] }[] = [];
  for (const { report } of shards) {
    const index = report.shard?.index ?? 1;
    dealtUnits(report.results).forEach((unit, k) => {
      placed.push({ position: k * total + index - 1, unit });
    });
  }
  return placed.sort((a, b) => a.position - b.position).flatMap((p) => p.unit.map(plainResult));
}

function earliest(values: readonly string[]): string {
  return values.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
}

function latest(values: readonly string[]): string {
  return values.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}

/**
 * Shard numbers missing from a complete set, e.g. `["3/4"]` when shards 1, 2 and 4
 * of 4 were merged; empty when the reports were not shard runs or all are there.
 */
export function missingShards(shards: readonly ShardReport[]): string[] {
  const totals = new Set(shards.flatMap(({ report }) => report.shard?.total ?? []));
  const seen = new Set(shards.flatMap(({ report }) => report.shard?.index ?? []));
  const [total] = totals;
  if (totals.size !== 1 || total === undefined) return [];
  const missing: string[] = [];
  for (let index = 1; index <= total; index++) {
    if (!seen.has(index)) missing.push(`${index}/${total}`);
  }
  return missing;
}

/**
 * Rules unused in the whole run: listed as unused by some shard (declared there and
 * not fired) and fired by no result of any shard.
 */
function unusedRulesOf(shards: readonly ShardReport[], results: readonly AssessedObservation[]) {
  const listed = new Set(shards.flatMap(({ report }) => report.unusedRules ?? []));
  const fired = results.flatMap((r) => r.equivalences ?? []);
  const unused = [...listed].filter((label) => !fired.some((entry) => firedBy(entry, label)));
  return unused.length === 0 ? {} : { unusedRules: unused.sort() };
}

/** `summary.flakyBaselines` when a shard learned noise: its results carry the mark. */
function flakyOf(shards: readonly ShardReport[], results: readonly AssessedObservation[]) {
  if (shards.every(({ report }) => report.summary.flakyBaselines === undefined)) return {};
  return { flakyBaselines: results.filter((r) => r.flakyBaseline !== undefined).length };
}

/**
 * The merged report: the same targets required, results unioned (a duplicate case
 * id is an error) in run order, summary recomputed, a new run id, the earliest start
 * and the latest finish; patterns and unused rules recomputed on the whole. Tracker
 * and regression data are left for the caller; `mergedFrom` lists the shard runs.
 * Learned noise (`--noise`) is per run and is not carried over.
 */
export function mergeReports(shards: readonly ShardReport[], runId: string): RunReport {
  const [first] = shards;
  if (first === undefined) throw new ParityError('PARITY_USAGE', 'parity merge needs reports');
  checkTargets(shards);
  checkNotInterrupted(shards);
  const results = unionResults(shards);
  checkShardSet(shards);
  const mergedFrom: MergedFrom[] = shards.map(({ report }) =>
    report.shard === undefined
      ? { runId: report.runId }
      : { runId: report.runId, shard: report.shard },
  );
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    runId,
    startedAt: earliest(shards.map(({ report }) => report.startedAt)),
    finishedAt: latest(shards.map(({ report }) => report.finishedAt)),
    baseline: first.report.baseline,
    candidate: first.report.candidate,
    // Percentiles do not add up shard by shard: recomputed from every result.
    summary: {
      ...summarise(results),
      latency: summariseLatency(results),
      ...flakyOf(shards, results),
    },
    results,
    mergedFrom,
    ...wholeLibraryOf(shards),
    ...unusedRulesOf(shards, results),
    ...coverageOf(shards),
  };
}

/**
 * The merged report covers the library when its reports are the complete set of
 * shards of a run that selected the whole library (or one such report, unsharded).
 */
function wholeLibraryOf(shards: readonly ShardReport[]): { wholeLibrary?: true } {
  const whole = shards.every(({ report }) => report.wholeLibrary === true);
  const sharded = shards.every(({ report }) => report.shard !== undefined);
  const complete = sharded ? missingShards(shards).length === 0 : shards.length === 1;
  return whole && complete ? { wholeLibrary: true } : {};
}

/** The shards' coverage added up (shards of older reports carry none). */
function coverageOf(shards: readonly ShardReport[]): { coverage?: CoverageSection } {
  const combined = combineCoverage(shards.flatMap(({ report }) => report.coverage ?? []));
  return combined === undefined ? {} : { coverage: combined };
}
