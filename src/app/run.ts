/**
 * Composes the pipeline for one run: execute → judge → result (streamed to
 * results.ndjson) → end-of-run noise, then the shared tail (`finish.ts`):
 * regression, tracker, report files. Returns a `RunOutcome`; deciding the
 * exit code is the CLI's job. A signal (`Interrupt`) stops the sending: the
 * cases in flight finish, the rest are listed as not run, and the report is
 * marked `interrupted` (the tracker and `latest` are left alone).
 */

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { ShardInfo } from '../cases/shard.js';
import { asCaseSource, type CaseSource, type RunUnit } from '../cases/source.js';
import { unusedRulesField } from '../compare/equivalence/unused.js';
import { openClients } from '../config/clients.js';
import type { RunConfig } from '../config/targets.js';
import type { TargetClient } from '../execute/client.js';
import { createLoopClock } from '../execute/loop-clock.js';
import { type Executed, executeCases } from '../execute/pool.js';
import { createRecordedClient, type RecordedAnswers } from '../execute/recorded.js';
import { maskExchange } from '../flow/mask.js';
import { createReset, type ResetSpec } from '../fuzz/reset.js';
import type { Case } from '../model/case.js';
import type { Exchange } from '../model/exchange.js';
import type { KnownRuntime } from '../model/runtime.js';
import { finishNoise } from '../noise/finish.js';
import { resultOf } from '../noise/result.js';
import { createNoiseStep, type NoiseStep } from '../noise/step.js';
import { maskDerivedRevisions } from '../normalise/derived.js';
import { normaliseOrigins, originForms } from '../normalise/origin.js';
import { createReferenceMemory } from '../normalise/references.js';
import { CLOCK_SKEW_MS, maskRunStamps } from '../normalise/stamps.js';
import { redactExchange } from '../redact/exchange.js';
import { withSecrets } from '../redact/extend.js';
import type { Redactor } from '../redact/redact.js';
import { type Interruption, REPORT_SCHEMA_VERSION, type RunReport } from '../report/contract.js';
import { openRunFolder, type RunFolder } from '../report/run-folder.js';
import type { WrittenReports } from '../report/write.js';
import { createBodyFiles } from '../results/body-files.js';
import { toSkippedResult } from '../results/build.js';
import type { CollectedResults } from '../results/collected.js';
import {
  type CoverageCollector,
  type CoverageDocument,
  createCoverageCollector,
} from '../results/coverage.js';
import { createLatencyCollector } from '../results/latency.js';
import { openResultStream } from '../results/stream.js';
import type { CaseResult } from '../results/types.js';
import type { Env } from '../util/env.js';
import type { ParityError } from '../util/errors.js';
import { type Host, unknownHost } from '../util/host.js';
import { displayPath } from '../util/paths.js';
import { finishRun } from './finish.js';
import { capturedSecrets, createFlowHold, type HeldStep, withFlowSecrets } from './flow-hold.js';
import type { Interrupt } from './interrupt.js';
import { createRuntimeWatch, type RuntimeWatch } from './runtime-watch.js';
import { createSideWatch, type StoppedAnswering } from './side-watch.js';
import type { TrackerUpdate } from './tracker-update.js';

export interface RunInput {
  readonly config: RunConfig;
  /** The cases to replay: an array, or a `CaseSource` (a large library streamed per file). */
  readonly cases: readonly Case[] | CaseSource;
  readonly redact: Redactor;
  readonly now: () => Date;
  /** Called once per case as soon as its result is known. */
  readonly onResult?: (result: CaseResult) => void;
  /** `--compare-to`: the previous report, read before this run repoints `latest`. */
  readonly previous?: RunReport | undefined;
  /** `--shard`: recorded in the report (the caller selected the cases). */
  readonly shard?: ShardInfo | undefined;
  /** The caller selected every case of the library (before any shard); recorded in the report. */
  readonly wholeLibrary?: boolean | undefined;
  /** The OpenAPI document coverage is measured against (`openapi:` / `--openapi`). */
  readonly coverage?: CoverageDocument | undefined;
  /** `--baseline-recording`: the baseline's answers come from this recording, not over HTTP. */
  readonly recording?: { readonly answers: RecordedAnswers; readonly label: string } | undefined;
  /** Where the reports go, checked before anything was sent; opened by the run when absent. */
  readonly folder?: RunFolder | undefined;
  /** This process (lock and run-folder owner); unknown when absent. */
  readonly host?: Host | undefined;
  /** Signals that stop the run early. */
  readonly interrupt?: Interrupt | undefined;
  /** `--reset-command` / `--reset-request` with `--noise`: each flow runs twice, the hook between (`flowsAgain`). */
  readonly reset?:
    | { readonly spec: ResetSpec; readonly cwd: string; readonly env: Env }
    | undefined;
}

export interface RunOutcome {
  readonly report: RunReport;
  readonly written: WrittenReports;
  readonly tracker: TrackerUpdate | undefined;
  /** Why the tracker was not updated, though the reports were written. */
  readonly trackerError?: ParityError | undefined;
  /** Targets that answered no case at all (every request a transport error). */
  readonly unreachable: readonly string[];
  /** Targets that answered some cases, then failed every case after a point. */
  readonly stoppedAnswering: readonly StoppedAnswering[];
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
  exchanges: { baseline: number; candidate: number; skipped: number },
  count: number,
) {
  // Cases not sent say nothing about a target.
  const total = count - exchanges.skipped;
  const out: string[] = [];
  if (total > 0 && exchanges.baseline === total) out.push(input.config.baseline.name);
  if (total > 0 && exchanges.candidate === total) out.push(input.config.candidate.name);
  return out;
}

interface Executions {
  collected: CollectedResults;
  failed: { baseline: number; candidate: number; skipped: number };
  noise: NoiseStep;
  fired: ReadonlySet<string>;
  coverage: CoverageCollector;
  stoppedAnswering: readonly StoppedAnswering[];
  runtimes: ReturnType<RuntimeWatch['runtimes']>;
  /** Set when a signal stopped the run. */
  interrupted: Interruption | undefined;
}

/** The ids of the cases a stopped pool never took (a file changed since: as many as could be read). */
async function notRunIds(executed: Executed): Promise<string[]> {
  const ids: string[] = [];
  try {
    for await (const testCase of executed.notRun()) ids.push(testCase.id);
  } catch {
    // The rest of the library cannot be read again: the ids found so far are listed.
  }
  return ids;
}

/** A second signal stops waiting: the requests in flight are aborted. */
function abortOnRepeat(
  interrupt: Interrupt | undefined,
  clients: readonly (TargetClient | undefined)[],
): void {
  interrupt?.onRepeat(() => {
    for (const client of clients) void client?.close();
  });
}

async function execute(
  input: RunInput,
  source: CaseSource,
  folder: RunFolder,
): Promise<Executions> {
  const { config, interrupt } = input;
  const noise = createNoiseStep(config.noise);
  const clock = createLoopClock();
  // A recorded baseline (`--baseline-recording`) answers from its files instead of the network.
  const clients = openClients(
    config,
    input.recording === undefined
      ? {}
      : { baseline: createRecordedClient(config.baseline, input.recording.answers) },
    { clock },
  );
  abortOnRepeat(interrupt, [clients.baseline, clients.candidate, clients.replica]);
  // Results go to disk as they complete, so memory stays flat in the number of cases.
  const stream = await openResultStream(join(folder.dir, 'results.ndjson'), source.count);
  const failed = { baseline: 0, candidate: 0, skipped: 0 };
  const watch = createSideWatch();
  const runtimes = createRuntimeWatch(config, (text) => input.redact.text(text));
  const bodies = createBodyFiles(folder.dir, displayPath(config.cwd, folder.finalDir));
  const latency = createLatencyCollector();
  const coverage = createCoverageCollector(input.coverage);
  // Every equivalence that fired, equal results included (only notable ones stay in memory).
  const fired = new Set<string>();
  // The run's redactor learns each flow's secret captures once the flow ran, so a
  // later case of the run (a serial sequence or a flow runs alone) never shows them.
  let redact = input.redact;
  const learnedSecrets = new Map<string, string>();
  const context = {
    baseline: config.baseline,
    candidate: config.candidate,
    get redact() {
      return redact;
    },
    bodyFile: (body: string | Uint8Array) => bodies.store(body),
    ...(input.recording === undefined ? {} : { recording: input.recording.label }),
  };
  const add = (result: CaseResult, position: number): void => {
    stream.add(result, position);
    input.onResult?.(result);
  };
  const addExchange = (exchange: Exchange, position: number): void => {
    const result = resultOf(noise, exchange, context);
    add(result, position);
    latency.add(result);
    coverage.add(result);
    for (const entry of result.equivalences ?? []) fired.add(entry);
  };
  // A flow's steps become results once the whole flow ran (its secrets are all known then).
  const flows = createFlowHold<HeldStep>();
  const release = (steps: readonly HeldStep[] | undefined): void => {
    const released = withFlowSecrets(steps ?? []);
    for (const step of released) {
      if ('exchange' in step) addExchange(step.exchange, step.position);
      else add(toSkippedResult(step.skipped, redact.text(step.reason)), step.position);
    }
    const learned = capturedSecrets(released);
    if (learned.size === 0) return;
    for (const [value, placeholder] of learned) learnedSecrets.set(value, placeholder);
    // Rebuilt from the run's own redactor: one layer, whatever the number of flows.
    const learnedRedact = withSecrets(input.redact, learnedSecrets);
    redact = learnedRedact;
    // A result added before (an earlier plain case) may hold a value learned now.
    stream.redactAdded(learnedRedact);
  };
  // Each side's own address is compared as `{{origin}}` (docs/rules-and-noise.md, "Own origins and per-instance values").
  const origins = {
    baseline: originForms(config.baseline.url.href),
    candidate: originForms(config.candidate.url.href),
    // A replica instance writes its own address; the baseline sent again writes the baseline's.
    replica: originForms((config.noise.replica ?? config.baseline).url.href),
  };
  // Timestamps both sides stamped during the run are compared by format (docs/rules-and-noise.md, "Own origins and per-instance values").
  const started = input.now().getTime() - CLOCK_SKEW_MS;
  // Values each side generated earlier in a flow or serial sequence, echoed later.
  const references = createReferenceMemory();
  const onExchange = (sent: Exchange, position: number): void => {
    const window = { from: started, to: input.now().getTime() + CLOCK_SKEW_MS };
    // Secrets leave the exchange first: nothing below derives text from a secret value.
    const raw = maskRunStamps(normaliseOrigins(redactExchange(sent, redact), origins), window);
    if (raw.baseline.outcome === 'transport-error') failed.baseline++;
    if (raw.candidate.outcome === 'transport-error') failed.candidate++;
    watch.add(raw);
    runtimes.add(raw);
    // Echoed references, then revisions derived from per-instance values (docs/rules-and-noise.md, "Own origins and per-instance values").
    if (raw.flow === undefined) {
      addExchange(maskDerivedRevisions(references.apply(raw)), position);
      return;
    }
    // A flow step's captured values differ by design: compared as their placeholders.
    const exchange = maskDerivedRevisions(references.apply(maskExchange(raw)));
    release(flows.add(raw.case, { position, exchange }));
  };
  const onSkipped = (testCase: Case, reason: string, position: number): void => {
    failed.skipped++;
    release(flows.add(testCase, { position, skipped: testCase, reason }));
  };
  let executed: Executed;
  try {
    executed = await executeCases({
      cases: prepared(source, noise),
      baseline: clients.baseline,
      candidate: clients.candidate,
      replica:
        clients.replica === undefined
          ? undefined
          : { client: clients.replica, runsFlows: config.noise.replica !== undefined },
      flowsAgain: flowsAgain(input, clients),
      concurrency: config.concurrency,
      onExchange,
      onSkipped,
      stopped: () => interrupt?.signal !== undefined,
      clock,
    });
  } finally {
    await clients.close();
  }
  for (const steps of flows.rest()) release(steps);
  const collected = await stream.finish();
  await bodies.flush();
  // Percentiles do not add up batch by batch like the counts: set from all durations.
  const summary = { ...collected.summary, latency: latency.summary() };
  const signal = interrupt?.signal;
  const interrupted: Interruption | undefined =
    signal === undefined
      ? undefined
      : { signal, ran: collected.ranIds.length, notRun: await notRunIds(executed) };
  const names = { baseline: config.baseline.name, candidate: config.candidate.name };
  return {
    collected: { ...collected, summary },
    failed,
    noise,
    fired,
    coverage,
    stoppedAnswering: watch.stopped(names),
    runtimes: runtimes.runtimes(),
    interrupted,
  };
}

/**
 * `--noise` without a replica instance, on targets that may be written to
 * (a reset hook, or both marked disposable): each flow runs twice on both
 * sides, so the baseline's two runs teach its per-instance values.
 */
function flowsAgain(
  input: RunInput,
  clients: { readonly baseline: TargetClient; readonly candidate: TargetClient },
): { before: () => Promise<void> } | undefined {
  const { noise, baseline, candidate } = input.config;
  if (!noise.enabled || noise.replica !== undefined || input.recording !== undefined) {
    return undefined;
  }
  if (input.reset !== undefined) {
    const { spec, cwd, env } = input.reset;
    const hook = createReset(spec, [clients.baseline, clients.candidate], { cwd, env });
    return { before: () => hook.run() };
  }
  const disposable = baseline.disposable === true && candidate.disposable === true;
  return disposable ? { before: async () => {} } : undefined;
}

function runtimeField(runtime: KnownRuntime | undefined): { runtime?: KnownRuntime } {
  return runtime === undefined ? {} : { runtime };
}

/** The source's batches with each case's configured endpoint noise applied. */
async function* prepared(source: CaseSource, noise: NoiseStep): AsyncIterable<readonly RunUnit[]> {
  for await (const batch of source.batches()) yield batch.map((unit) => prepareUnit(unit, noise));
}

function prepareUnit(unit: RunUnit, noise: NoiseStep): RunUnit {
  if (unit.kind !== 'sequence') return noise.prepare(unit);
  return {
    kind: 'sequence',
    size: unit.size,
    async *cases() {
      for await (const batch of unit.cases()) yield batch.map((c) => noise.prepare(c));
    },
  };
}

export async function runParity(input: RunInput): Promise<RunOutcome> {
  const startedAt = input.now();
  const host = input.host ?? unknownHost();
  const folder =
    input.folder ??
    (await openRunFolder(input.config.reportsDir, newRunId(startedAt), host)).folder;
  const runId = folder.runId;
  const source = asCaseSource(input.cases);
  const executions = await execute(input, source, folder);
  const { collected, failed, noise, fired, coverage, interrupted } = executions;
  const finishedAt = input.now();
  const { config } = input;
  // Endpoint-level noise is known only now: mask it before the tracker sees anything.
  const denoised = finishNoise({
    step: noise,
    settings: config.noise,
    baselineName: config.baseline.name,
    results: collected.notable,
    summary: collected.summary,
    redact: input.redact,
  });
  const finished = await finishRun({
    head: {
      schemaVersion: REPORT_SCHEMA_VERSION,
      runId,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      baseline: {
        name: config.baseline.name,
        url: input.redact.text(displayUrl(config.baseline.url)),
        ...(input.recording === undefined ? {} : { recording: input.recording.label }),
        ...runtimeField(executions.runtimes.baseline),
      },
      candidate: {
        name: config.candidate.name,
        url: input.redact.text(displayUrl(config.candidate.url)),
        ...runtimeField(executions.runtimes.candidate),
      },
      ...(denoised.section === undefined ? {} : { noise: denoised.section }),
      ...(input.shard === undefined ? {} : { shard: input.shard }),
      ...(input.wholeLibrary === true ? { wholeLibrary: true } : {}),
      ...unusedRulesField(source.declaredEquivalences, fired),
      coverage: coverage.section(),
      ...(interrupted === undefined ? {} : { interrupted }),
    },
    collected,
    results: denoised.results,
    summary: denoised.summary,
    previous: input.previous,
    tracker:
      config.trackerPath === undefined
        ? undefined
        : { path: config.trackerPath, label: displayPath(config.cwd, config.trackerPath) },
    folder,
    host,
  });
  return {
    ...finished,
    unreachable: unreachableTargets(input, failed, collected.ranIds.length),
    stoppedAnswering: executions.stoppedAnswering,
  };
}
