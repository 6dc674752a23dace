/**
 * Composes the pipeline for one run: execute → judge → result → report,
 * then the tracker and the report files. Returns a `RunOutcome`; deciding the
 * exit code is the CLI's job.
 */
import { randomBytes } from 'node:crypto';
import { judge } from './compare/judge.js';
import type { ResolvedConfig } from './config/resolve.js';
import { createClient } from './execute/client.js';
import { executeCases } from './execute/run-cases.js';
import type { Case, CaseResult, Exchange } from './model.js';
import { REPORT_SCHEMA_VERSION, type RunReport, sortResults, summarise } from './report/model.js';
import type { Redactor } from './report/redact.js';
import { type WrittenReports, writeReports } from './report/write.js';
import { toCaseResult } from './result.js';
import { observationsOf, type TrackerUpdate, updateTracker } from './tracker-step.js';

export interface RunInput {
  readonly config: ResolvedConfig;
  readonly cases: readonly Case[];
  readonly redact: Redactor;
  readonly now: () => Date;
  /** Called once per case as soon as its result is known. */
  readonly onResult?: (result: CaseResult) => void;
}

export interface RunOutcome {
  readonly report: RunReport;
  readonly written: WrittenReports;
  readonly tracker: TrackerUpdate | undefined;
  /** Targets that answered no case at all (every request a transport error). */
  readonly unreachable: readonly string[];
}

/** Sortable, unique, filesystem-safe: `2026-11-22T01-02-03Z-1a2b3c`. */
export function newRunId(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

/** `http://127.0.0.1:3100`, without the trailing slash `URL.href` adds to a bare origin. */
function displayUrl(url: URL): string {
  return url.pathname === '/' && url.search === '' ? url.origin : url.href;
}

function unreachableTargets(
  input: RunInput,
  exchanges: { baseline: number; candidate: number },
  total: number,
) {
  const out: string[] = [];
  if (total > 0 && exchanges.baseline === total) out.push(input.config.baseline.name);
  if (total > 0 && exchanges.candidate === total) out.push(input.config.candidate.name);
  return out;
}

async function execute(
  input: RunInput,
): Promise<{ results: CaseResult[]; failed: { baseline: number; candidate: number } }> {
  const { config } = input;
  const clientOptions = {
    connections: config.concurrency,
    timeoutMs: config.timeoutMs,
    bodyCapBytes: config.bodyCapBytes,
    retries: config.retries,
  };
  const baseline = createClient(config.baseline, clientOptions);
  const candidate = createClient(config.candidate, clientOptions);
  const results: CaseResult[] = [];
  const failed = { baseline: 0, candidate: 0 };
  const context = { baseline: config.baseline, candidate: config.candidate, redact: input.redact };
  const onExchange = (exchange: Exchange): void => {
    if (exchange.baseline.outcome === 'transport-error') failed.baseline++;
    if (exchange.candidate.outcome === 'transport-error') failed.candidate++;
    const result = toCaseResult(exchange, judge(exchange), context);
    results.push(result);
    input.onResult?.(result);
  };
  try {
    await executeCases({
      cases: input.cases,
      baseline,
      candidate,
      concurrency: config.concurrency,
      onExchange,
    });
  } finally {
    await Promise.all([baseline.close(), candidate.close()]);
  }
  return { results, failed };
}

export async function runParity(input: RunInput): Promise<RunOutcome> {
  const startedAt = input.now();
  const { results, failed } = await execute(input);
  const finishedAt = input.now();
  const sorted = sortResults(results);
  const { config } = input;
  const tracker =
    config.trackerPath === undefined
      ? undefined
      : await updateTracker(config.trackerPath, {
          observations: observationsOf(sorted),
          ranCaseIds: new Set(input.cases.map((c) => c.id)),
          date: finishedAt.toISOString().slice(0, 10),
        });
  const report: RunReport = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    runId: newRunId(startedAt),
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    baseline: {
      name: config.baseline.name,
      url: input.redact.text(displayUrl(config.baseline.url)),
    },
    candidate: {
      name: config.candidate.name,
      url: input.redact.text(displayUrl(config.candidate.url)),
    },
    summary: summarise(sorted),
    results: tracker === undefined ? sorted : sorted.map((r) => tracker.annotate(r)),
    ...(tracker === undefined ? {} : { tracker: tracker.outcome }),
  };
  const written = await writeReports(report, config.reportsDir);
  return {
    report,
    written,
    tracker,
    unreachable: unreachableTargets(input, failed, input.cases.length),
  };
}
