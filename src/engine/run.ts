/**
 * Composes the pipeline for one run: execute → judge → result (streamed to
 * results.ndjson) → end-of-run noise, then the shared tail (`finish.ts`):
 * regression, tracker, report files. Returns a `RunOutcome`; deciding the
 * exit code is the CLI's job. A signal (`Interrupt`) stops the sending: the
 * cases in flight finish, the rest are listed as not run, and the report is
 * marked `interrupted` (the tracker and `latest` are left alone).
 */

import { join } from 'node:path';
import type { Case } from '../contract/model/case.js';
import type { RunUnit } from '../contract/model/unit.js';
import type { Bailed, Interruption, RunReport, ShardInfo } from '../contract/report.js';
import { unusedRulesField } from '../core/compare/equivalence/unused.js';
import type { DrawnShows } from '../core/normalise/drawn-formats.js';
import type { OwnIdentity } from '../core/normalise/own-identity.js';
import type { SamePairs } from '../core/normalise/same-pairs.js';
import type { Redactor } from '../core/redact/redact.js';
import { asCaseSource, type CaseSource } from '../io/cases/source.js';
import type { RunConfig } from '../io/config/targets.js';
import type { TargetClient } from '../io/http/client.js';
import { openClients } from '../io/http/clients.js';
import { createLoopClock } from '../io/http/loop-clock.js';
import { type Executed, executeCases } from '../io/http/pool.js';
import { createRecordedClient, type RecordedAnswers } from '../io/http/recorded.js';
import { finishNoise } from '../judge/noise/finish.js';
import { createNoiseStep, type NoiseStep } from '../judge/noise/step.js';
import type { BodyDigests } from '../judge/results/body-digests.js';
import { createBodyFiles } from '../judge/results/body-files.js';
import { toSkippedObservation } from '../judge/results/build.js';
import type { CollectedObservations } from '../judge/results/collected.js';
import {
  type CoverageCollector,
  type CoverageDocument,
  createCoverageCollector,
} from '../judge/results/coverage.js';
import { createLatencyCollector } from '../judge/results/latency.js';
import { openResultStream } from '../judge/results/stream.js';
import { observe } from '../judge/stage.js';
import { fileReportersFor } from '../reporters/choose.js';
import { type FileReporter, othersFailed, type WrittenReports } from '../reporters/files.js';
import { ndjsonReporter } from '../reporters/ndjson.js';
import { openRunFolder, type RunFolder } from '../reporters/report/run-folder.js';
import {
  createReporters,
  type ReporterFailure,
  type Reporters,
  type RunReporter,
} from '../reporters/reporter.js';
import type { ParityError } from '../util/errors.js';
import { type Host, unknownHost } from '../util/host.js';
import { displayPath } from '../util/paths.js';
import { maskAtRunEnd } from './run/end-masking.js';
import { finishRun } from './run/finish.js';
import type { HeldStep } from './run/flow-hold.js';
import { type FlowsAgainInput, flowsAgain } from './run/flows-again.js';
import type { Interrupt } from './run/interrupt.js';
import { reportHead } from './run/run-head.js';
import { newRunId } from './run/run-id.js';
import { createRunIntake, type Released } from './run/run-intake.js';
import type { RuntimeWatch } from './run/runtime-watch.js';
import { createSecondLooks, type SecondLookTally } from './run/second-look.js';
import type { SentBackIds } from './run/sent-back-ids.js';
import type { StoppedAnswering } from './run/side-watch.js';
import type { TrackerUpdate } from './run/tracker-update.js';

export interface RunInput {
  readonly config: RunConfig;
  /** The cases to replay: an array, or a `CaseSource` (a large library streamed per file). */
  readonly cases: readonly Case[] | CaseSource;
  readonly redact: Redactor;
  readonly now: () => Date;
  /**
   * Told of the run as it goes (`reporters/reporter.ts`): the number of cases,
   * each result as soon as it is known, and the written report at the end.
   * One that throws is dropped and listed in `RunOutcome.reporterFailures`.
   */
  readonly reporters?: readonly RunReporter[] | undefined;
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
  /**
   * `--bail`: no new case is sent once this many cases diverged (as observed,
   * before the tracker's decisions); the rest are listed as not run.
   */
  readonly bail?: number | undefined;
  /** `--reset-command` / `--reset-request` with `--noise`: each flow runs twice, the hook between (`flowsAgain`). */
  readonly reset?: FlowsAgainInput['reset'];
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
  /** Reporters that threw (the run and the other reporters went on without them). */
  readonly reporterFailures: readonly ReporterFailure[];
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
  collected: CollectedObservations;
  failed: { baseline: number; candidate: number; skipped: number };
  noise: NoiseStep;
  fired: ReadonlySet<string>;
  coverage: CoverageCollector;
  stoppedAnswering: readonly StoppedAnswering[];
  runtimes: ReturnType<RuntimeWatch['runtimes']>;
  /** Set when a signal stopped the run. */
  interrupted: Interruption | undefined;
  /** What the second look sent. */
  secondLook: SecondLookTally;
  /** Set when `--bail` stopped the sending. */
  bailed: Bailed | undefined;
  /** Every reporter of the run, `onAssessment` and `onEnd` still to call. */
  reporters: Reporters;
  /** The report files among them (`--reporter`, else every format). */
  files: readonly FileReporter[];
  /** By case id, the places a later echo proved per-instance (`echo-origins.ts`). */
  echoOrigins: ReadonlyMap<string, readonly string[]>;
  /** The pairs of values the run found per-instance (`core/normalise/same-pairs.ts`). */
  samePairs: SamePairs;
  ownIdentity: OwnIdentity;
  /** Where the run's flows masked drawn values, and in which formats. */
  drawnShows: DrawnShows;
  /** Where the run's flows sent back values they captured whole (`run/sent-back-ids.ts`). */
  sentBack: SentBackIds;
  /** By case id, the places of writes whose numbers each side gives itself (`echo-origins.ts`). */
  sequenceOrigins: ReadonlyMap<string, readonly string[]>;
  /** By case id, the digests of bodies the two sides answered differently. */
  bodyDigests: ReadonlyMap<string, BodyDigests>;
  /** By case id, `header etag` where another answer proved the same two tags derived (`echo-origins.ts`). */
  derivedEtags: ReadonlyMap<string, readonly string[]>;
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

/** A second signal stops waiting: the requests in flight are aborted. Returns whether it did. */
function abortOnRepeat(
  interrupt: Interrupt | undefined,
  clients: readonly (TargetClient | undefined)[],
): () => boolean {
  let aborted = false;
  interrupt?.onRepeat(() => {
    aborted = true;
    for (const client of clients) void client?.close();
  });
  return () => aborted;
}

/**
 * `--bail N`: counts the divergent cases as they are observed; `reached` once
 * N diverged, and the pool takes no new case (those in flight finish).
 */
function bailCounter(after: number | undefined): {
  reporter: RunReporter;
  reached: () => boolean;
} {
  let divergent = 0;
  return {
    reporter: {
      name: 'bail',
      onObservation: (result) => {
        if (result.verdict === 'divergent') divergent++;
      },
    },
    reached: () => after !== undefined && divergent >= after,
  };
}

/** The run's own tallies, fed like any reporter; latency and coverage count the cases sent. */
function runSinks(
  latency: ReturnType<typeof createLatencyCollector>,
  coverage: CoverageCollector,
  fired: Set<string>,
): RunReporter[] {
  return [
    {
      name: 'latency',
      onObservation: (result) => {
        if (result.verdict !== 'skipped') latency.add(result);
      },
    },
    {
      name: 'coverage',
      onObservation: (result) => {
        if (result.verdict !== 'skipped') coverage.add(result);
      },
    },
    {
      name: 'equivalences',
      // Every equivalence that fired, equal results included (only notable ones stay in memory).
      onObservation: (result) => {
        for (const entry of result.equivalences ?? []) fired.add(entry);
      },
    },
  ];
}

/**
 * Sends every case and feeds each result to the run's reporters: each answer
 * the pool hands over (`run-intake.ts` masks it and holds a flow's steps) is
 * judged once (`judge/`) and handed to every sink.
 */
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
  const aborted = abortOnRepeat(interrupt, [clients.baseline, clients.candidate, clients.replica]);
  // Results go to disk as they complete, so memory stays flat in the number of cases.
  const stream = await openResultStream(join(folder.dir, 'results.ndjson'), source.count);
  const rpcPaths = source.rpcPaths;
  const intake = createRunIntake({
    ...input,
    // A POST is a write by what it answers, but on an RPC-style path (`io/cases/rpc-paths.ts`).
    rpc: (path) => rpcPaths === undefined || rpcPaths.has(path),
  });
  // Values that change between two requests to one side, seen on the first run (`second-look.ts`).
  const looks = createSecondLooks({
    baseline: clients.baseline,
    candidate: clients.candidate,
    // With --noise the replica's answer is that evidence already.
    max: config.noise.enabled ? 0 : config.secondLook,
    maxBytes: config.secondLookBytes,
    // Masking is a comparison's work: a second signal ends the process in it too.
    worth: (exchange) => busyWith(interrupt, () => intake.worthASecondLook(exchange)),
    // A stopping run sends nothing new, a second look included.
    stopped: () => interrupt?.signal !== undefined || bail.reached(),
  });
  const bodies = createBodyFiles(folder.dir, displayPath(config.cwd, folder.finalDir));
  const latency = createLatencyCollector();
  const coverage = createCoverageCollector(input.coverage);
  const fired = new Set<string>();
  const bail = bailCounter(input.bail);
  const files = fileReportersFor(config.reporters, config.cwd);
  // One multiplexer: results.ndjson, the run's tallies, the caller's, the report files.
  const reporters = createReporters([
    ndjsonReporter(stream),
    ...runSinks(latency, coverage, fired),
    bail.reporter,
    ...(input.reporters ?? []),
    ...files,
  ]);
  reporters.onBegin(source.count);
  const context = {
    baseline: config.baseline,
    candidate: config.candidate,
    get redact() {
      return intake.redact;
    },
    bodyFile: (body: string | Uint8Array) => bodies.store(body),
    ...(input.recording === undefined ? {} : { recording: input.recording.label }),
  };
  // Each step is judged as the pool hands it over, synchronously, once the
  // worker has sent its next case (`io/http/pool.ts`): no queue, no batch, no
  // promise per case, so results reach the reporters in the order the pool
  // releases them. A judgement that throws stops the run: no new case is
  // sent, and the error is thrown once those in flight have ended.
  let failure: { error: unknown } | undefined;
  const judge = (released: Released): void => {
    for (const held of released.steps) {
      const result =
        'exchange' in held
          ? observe(held.exchange, context, noise)
          : toSkippedObservation(held.skipped, intake.redact.text(held.reason));
      reporters.onObservation(result, held.position);
    }
    // A result added before (an earlier plain case) may hold a value learned now.
    if (released.learned !== undefined) stream.redactAdded(released.learned);
  };
  // Judging is the interrupt's busy work: after a first signal, a further
  // one ends the process even in the middle of a huge case.
  const busy = (work: () => void): void => busyWith(interrupt, work);
  const onStep = (step: HeldStep): void => {
    if (failure !== undefined) return;
    try {
      busy(() => judge(intake.take(step)));
    } catch (error) {
      failure = { error };
    }
  };
  const executing = executeCases({
    cases: prepared(source, noise),
    baseline: clients.baseline,
    candidate: clients.candidate,
    replica:
      clients.replica === undefined
        ? undefined
        : { client: clients.replica, runsFlows: config.noise.replica !== undefined },
    lookAgain: looks.look,
    flowsAgain: flowsAgain(input, clients),
    concurrency: config.concurrency,
    onExchange: (exchange, position) => onStep({ position, exchange }),
    onSkipped: (skipped, reason, position) => onStep({ position, skipped, reason }),
    stopped: () => failure !== undefined || interrupt?.signal !== undefined || bail.reached(),
    clock,
    inFlight: clients.inFlight,
  });
  let executed: Executed;
  try {
    executed = await executing;
    if (failure !== undefined) throw failure.error;
    for (const released of intake.rest()) busy(() => judge(released));
  } finally {
    // A failed loop stops the sending; the pool's own failure is the one reported.
    await clients.close();
    await executing.catch(() => undefined);
    interrupt?.settle?.();
  }
  const collected = await stream.finish();
  await bodies.flush();
  // Percentiles do not add up batch by batch like the counts: set from all durations.
  const summary = { ...collected.summary, latency: latency.summary() };
  const signal = interrupt?.signal;
  const interrupted: Interruption | undefined =
    signal === undefined
      ? undefined
      : { signal, ran: collected.ranIds.length, notRun: await notRunIds(executed) };
  // A signal says more than --bail: a run both stopped is marked interrupted.
  const bailed: Bailed | undefined =
    signal !== undefined || input.bail === undefined || !bail.reached()
      ? undefined
      : { after: input.bail, ran: collected.ranIds.length, notRun: await notRunIds(executed) };
  return {
    collected: { ...collected, summary },
    failed: intake.failed,
    noise,
    fired,
    coverage,
    // Requests a second signal aborted failed because of it, not because a target stopped.
    stoppedAnswering: aborted() ? [] : intake.stoppedAnswering(),
    runtimes: intake.runtimes(),
    interrupted,
    secondLook: looks.tally(),
    bailed,
    reporters,
    files,
    echoOrigins: intake.echoOrigins(),
    samePairs: intake.samePairs,
    ownIdentity: intake.ownIdentity,
    drawnShows: intake.drawnShows,
    sentBack: intake.sentBack,
    sequenceOrigins: intake.sequenceOrigins(),
    bodyDigests: intake.bodyDigests(),
    derivedEtags: intake.derivedEtags(),
  };
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
    (await openRunFolder(input.config.reportsDir, newRunId(startedAt), host, input.config.keep))
      .folder;
  const runId = folder.runId;
  const source = asCaseSource(input.cases);
  const executions = await execute(input, source, folder);
  const { collected, failed, noise, fired, coverage, interrupted, bailed } = executions;
  const finishedAt = input.now();
  const { config } = input;
  // Endpoint-level noise is known only now: the first part of the assessment (`finish.ts`).
  const denoised = finishNoise({
    step: noise,
    settings: config.noise,
    baselineName: config.baseline.name,
    results: collected.notable,
    redact: input.redact,
  });
  const unreachable = unreachableTargets(input, failed, collected.ranIds.length);
  const finished = await finishRun({
    head: reportHead(input, {
      runId,
      startedAt,
      finishedAt,
      runtimes: executions.runtimes,
      noise: denoised.section,
      unused: unusedRulesField(source.declaredEquivalences, fired),
      coverage: coverage.section(),
      interrupted,
      secondLook: executions.secondLook,
      bailed,
    }),
    collected,
    // Echoed origins, the same pairs found again, each side's own identity, proven places.
    masked: maskAtRunEnd({
      results: collected.notable,
      evidence: executions,
      noise: denoised.masked,
      redact: input.redact,
    }),
    summary:
      denoised.section === undefined
        ? collected.summary
        : { ...collected.summary, flakyBaselines: denoised.section.flakyBaselines.length },
    previous: input.previous,
    bodyDigests: executions.bodyDigests,
    // A target that answered nothing compared nothing: the tracker is not read, written or created.
    tracker:
      config.trackerPath === undefined || unreachable.length > 0
        ? undefined
        : { path: config.trackerPath, label: displayPath(config.cwd, config.trackerPath) },
    folder,
    host,
    reporters: executions.reporters,
    files: executions.files,
  });
  const { all, ...outcome } = finished;
  // The run's reporters end with the report as written (the console prints its summary).
  await executions.reporters.onEnd({ report: outcome.report, all, dir: outcome.written.dir });
  return {
    ...outcome,
    unreachable,
    stoppedAnswering: executions.stoppedAnswering,
    reporterFailures: othersFailed(executions.reporters, executions.files),
  };
}

/** Runs `work` as the interrupt's busy work, if the run has an interrupt. */
function busyWith<T>(interrupt: Interrupt | undefined, work: () => T): T {
  return interrupt?.busy === undefined ? work() : interrupt.busy(work);
}
