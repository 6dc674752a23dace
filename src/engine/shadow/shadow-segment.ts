/**
 * One run of a shadow session: a live run folder (`run-folder.ts`) that takes
 * the results of the traffic compared while it is open (results.ndjson, and
 * divergences.ndjson line by line as they are judged). Its reports are
 * refreshed in place (`--every`, SIGHUP) from the results so far, and
 * written a last time when it closes (shutdown, or full), through the same
 * tail as `parity run` (`finish.ts`: learned endpoint noise, echoed values,
 * the same per-instance pairs found again elsewhere (`same-pairs.ts`), the assessment, every report format, the tracker committed and `latest`
 * repointed); a refresh commits the tracker only when asked (SIGHUP). The
 * intake (`run-intake.ts`) and the judge stage are `run`'s own.
 */
import { join } from 'node:path';
import type { Exchange } from '../../contract/model/exchange.js';
import type { Observation } from '../../contract/observation.js';
import type { Redactor } from '../../core/redact/redact.js';
import type { NoiseSettings } from '../../io/config/noise-settings.js';
import type { RunConfig } from '../../io/config/targets.js';
import { finishNoise } from '../../judge/noise/finish.js';
import type { NoiseStep } from '../../judge/noise/step.js';
import { createBodyFiles } from '../../judge/results/body-files.js';
import type { CollectedObservations } from '../../judge/results/collected.js';
import { createCoverageCollector } from '../../judge/results/coverage.js';
import { createLatencyCollector } from '../../judge/results/latency.js';
import { openResultStream, type ResultStream } from '../../judge/results/stream.js';
import { isNotable } from '../../judge/results/types.js';
import { observe } from '../../judge/stage.js';
import { fileReportersFor } from '../../reporters/choose.js';
import { othersFailed } from '../../reporters/files.js';
import type { RunFolder } from '../../reporters/report/run-folder.js';
import {
  createReporters,
  type ReporterFailure,
  type Reporters,
  type RunReporter,
} from '../../reporters/reporter.js';
import { type AppendFile, openAppendFile } from '../../util/fs.js';
import type { Host } from '../../util/host.js';
import { displayPath } from '../../util/paths.js';
import { maskAtRunEnd } from '../run/end-masking.js';
import { type Finished, finishRun } from '../run/finish.js';
import { reportHead } from '../run/run-head.js';
import { createRunIntake, type RunIntake } from '../run/run-intake.js';

/** What every run of a shadow session shares. */
export interface SegmentInput {
  readonly config: RunConfig;
  readonly redact: Redactor;
  readonly now: () => Date;
  readonly host: Host;
  /** Learned noise accumulates across the session's runs. */
  readonly noise: NoiseStep;
  /** The settings it learns under (on without a replica: from repeated reads). */
  readonly noiseSettings: NoiseSettings;
  /** The caller's reporters (the console's). */
  readonly reporters: readonly RunReporter[];
  /** The most results one run holds; the session closes it and opens the next when full. */
  readonly capacity: number;
}

export interface SegmentEnd {
  readonly finished: Omit<Finished, 'all'>;
  readonly unreachable: readonly string[];
  readonly reporterFailures: readonly ReporterFailure[];
}

export interface Segment {
  readonly folder: RunFolder;
  /** Results taken so far. */
  readonly size: number;
  readonly full: boolean;
  /** Judges one exchange into this run; returns its result. */
  judge(exchange: Exchange): Observation;
  /**
   * Rewrites the open run's reports in place with the results so far (the
   * tracker too with `tracker`); a refresh asked while one is under way is that one;
   * undefined once the run is closing.
   */
  refresh(options: { readonly tracker: boolean }): Promise<Refreshed | undefined>;
  /** Writes the reports and updates the tracker (see the module comment), after any refresh under way. */
  close(): Promise<SegmentEnd>;
  /** Closes its files and writes nothing: the run was given up before it ran (the session never listened). */
  discard(): Promise<void>;
}

/** What a refresh wrote. */
export interface Refreshed {
  readonly finished: Omit<Finished, 'all'>;
  readonly unreachable: readonly string[];
}

/**
 * Appends each divergent or failed result to `divergences.ndjson` as it is
 * judged: the lines judged while a write is under way go in the next one.
 * The file is opened at the first line and stays open until the run ends
 * (one open for the run, not one per batch: with the candidate down, every
 * copy is a line).
 */
function divergenceLines(dir: string): RunReporter {
  const path = join(dir, 'divergences.ndjson');
  let pending: string[] = [];
  let file: Promise<AppendFile> | undefined;
  let writing: Promise<void> | undefined;
  let failure: unknown;
  const flush = async (): Promise<void> => {
    while (pending.length > 0 && failure === undefined) {
      const batch = pending.join('');
      pending = [];
      file ??= openAppendFile(path);
      await file
        .then((open) => open.append(batch))
        .catch((error: unknown) => {
          failure = error;
        });
    }
    writing = undefined;
  };
  return {
    name: 'divergences',
    onObservation(result) {
      if (failure !== undefined) throw failure;
      if (result.verdict !== 'divergent' && result.verdict !== 'error') return;
      pending.push(`${JSON.stringify(result)}\n`);
      writing ??= flush();
    },
    async onEnd() {
      await writing;
      const open = await file?.catch(() => undefined);
      await open?.close();
      if (failure !== undefined) throw failure;
    },
  };
}

/**
 * A run keeps its notable results (divergent, failed) in memory until it
 * closes (`judge/results/stream.ts`): a run holding this many is full too, so a
 * candidate that is down (every result a failure) costs a bounded memory,
 * not one result per request. A failure takes ~1.6 KB of live heap, but the
 * judging thread's heap swings with a run's fill and with the reports written
 * when it closes: with the candidate down and every copy compared, RSS
 * swung 146-189 MB (peak 195) with 10,000 a run, 138-153 MB (peak 160) with
 * 5,000.
 */
export const NOTABLE_PER_RUN = 5_000;

/**
 * A run whose notable results take this many bytes as written is full too:
 * each holds both bodies (a preview of up to 128 K characters each), so a
 * count alone bounds nothing when the bodies are large, and the reports
 * written from them grow alike. In memory a result takes about twice its
 * line (the bench's 300-byte bodies: a 1.75 KB line, ~4 KB of heap), so
 * this is ~10 MB of heap, ~2,400 such divergent results. 1,000,000 requests
 * through `parity proxy --shed 100%` (165,000 compared, every tenth
 * divergent) peaked at 196 MB with runs of 5,000 divergent ones (8 MB of
 * lines); with 10,000 a session peaked at 198-206 MB.
 */
export const NOTABLE_BYTES_PER_RUN = 4 * 1024 * 1024;

export async function openSegment(input: SegmentInput, folder: RunFolder): Promise<Segment> {
  const { config } = input;
  const startedAt = input.now();
  const stream: ResultStream = await openResultStream(
    join(folder.dir, 'results.ndjson'),
    input.capacity,
  );
  const intake: RunIntake = createRunIntake(input);
  const bodies = createBodyFiles(folder.dir, displayPath(config.cwd, folder.finalDir));
  const latency = createLatencyCollector();
  // Endpoints by path template: the report's coverage lists what the traffic exercised.
  const coverage = createCoverageCollector(undefined);
  const fired = new Set<string>();
  const files = fileReportersFor(config.reporters, config.cwd);
  const reporters: Reporters = createReporters([
    {
      name: 'ndjson',
      essential: true,
      onObservation: (result, position) => stream.add(result, position),
    },
    { name: 'latency', onObservation: (result) => latency.add(result) },
    { name: 'coverage', onObservation: (result) => coverage.add(result) },
    {
      name: 'equivalences',
      onObservation: (result) => {
        for (const entry of result.equivalences ?? []) fired.add(entry);
      },
    },
    divergenceLines(folder.dir),
    ...input.reporters,
  ]);
  reporters.onBegin(input.capacity);
  /**
   * The run's reporters as one report sees them: the report files afresh
   * each time (a file that failed once, a full disk or a path taken, is
   * written again at the next refresh and at the close, not skipped from then
   * on as a run's one report skips a reporter that failed).
   */
  const forReport = (): Reporters => {
    const fileSet = createReporters(files);
    return {
      ...reporters,
      onAssessment: async (assessed) => {
        await Promise.all([reporters.onAssessment(assessed), fileSet.onAssessment(assessed)]);
      },
      failures: () => [...reporters.failures(), ...fileSet.failures()],
    };
  };
  const context = {
    baseline: config.baseline,
    candidate: config.candidate,
    get redact() {
      return intake.redact;
    },
    bodyFile: (body: string | Uint8Array) => bodies.store(body),
  };

  /**
   * The reports of the results `collected` holds (the tail of `parity run`):
   * the run's closing ones, or a refresh of its open folder in place.
   */
  const report = async (
    collected: CollectedObservations,
    how: { readonly refresh: boolean; readonly tracker: boolean },
  ) => {
    await bodies.flush();
    const summary = { ...collected.summary, latency: latency.summary() };
    const denoised = finishNoise({
      step: input.noise,
      settings: input.noiseSettings,
      baselineName: config.baseline.name,
      results: collected.notable,
      redact: input.redact,
    });
    const ran = collected.ranIds.length;
    const failed = intake.failed;
    const unreachable = [
      ...(ran > 0 && failed.baseline === ran ? [config.baseline.name] : []),
      ...(ran > 0 && failed.candidate === ran ? [config.candidate.name] : []),
    ];
    const finished = await finishRun({
      head: reportHead(input, {
        runId: folder.runId,
        startedAt,
        finishedAt: input.now(),
        runtimes: intake.runtimes(),
        noise: denoised.section,
        unused: {},
        coverage: coverage.section(),
        interrupted: undefined,
        secondLook: { max: 0, sent: 0, over: 0, maxBytes: 0, tooLarge: 0 },
      }),
      collected: { ...collected, summary },
      // As `run`: echoed origins, the same pairs found again, each side's own identity, proven places.
      masked: maskAtRunEnd({
        results: collected.notable,
        evidence: {
          echoOrigins: intake.echoOrigins(),
          sequenceOrigins: intake.sequenceOrigins(),
          derivedEtags: intake.derivedEtags(),
          samePairs: intake.samePairs,
          ownIdentity: intake.ownIdentity,
          drawnShows: intake.drawnShows,
        },
        noise: denoised.masked,
        redact: input.redact,
      }),
      summary:
        denoised.section === undefined
          ? summary
          : { ...summary, flakyBaselines: denoised.section.flakyBaselines.length },
      previous: undefined,
      bodyDigests: intake.bodyDigests(),
      tracker:
        !how.tracker || config.trackerPath === undefined || unreachable.length > 0
          ? undefined
          : { path: config.trackerPath, label: displayPath(config.cwd, config.trackerPath) },
      folder,
      host: input.host,
      reporters: forReport(),
      files,
      refresh: how.refresh,
    });
    const { all, ...outcome } = finished;
    return { finished: outcome, report: outcome.report, all, unreachable };
  };
  let refreshing: Promise<Refreshed> | undefined;
  let refreshingTracker = false;
  let refreshToken: object | undefined;
  let closing = false;
  let size = 0;
  let notable = 0;
  return {
    folder,
    get size() {
      return size;
    },
    get full() {
      return (
        size >= input.capacity ||
        notable >= NOTABLE_PER_RUN ||
        stream.notableBytes >= NOTABLE_BYTES_PER_RUN
      );
    },
    judge(exchange) {
      const position = size++;
      const released = intake.take({ position, exchange });
      let last: Observation | undefined;
      for (const held of released.steps) {
        if (!('exchange' in held)) continue;
        last = observe(held.exchange, context, input.noise);
        if (isNotable(last)) notable++;
        reporters.onObservation(last, held.position);
      }
      if (last === undefined) throw new Error('a shadow request gave no result');
      return last;
    },
    refresh(options) {
      if (closing) return Promise.resolve(undefined);
      // One asked during another is that one, but the tracker's waits for its turn.
      if (refreshing !== undefined && (refreshingTracker || !options.tracker)) return refreshing;
      const before = refreshing?.catch(() => undefined);
      const token = {};
      refreshToken = token;
      const mine: Promise<Refreshed> = (async () => {
        await before;
        try {
          const done = await report(await stream.snapshot(), { refresh: true, ...options });
          return { finished: done.finished, unreachable: done.unreachable };
        } finally {
          if (refreshToken === token) refreshing = undefined;
        }
      })();
      refreshing = mine;
      refreshingTracker = options.tracker;
      return mine;
    },
    async close() {
      closing = true;
      // A refresh under way writes first: the last report in the folder is the closing one.
      await refreshing?.catch(() => undefined);
      const end = await report(await stream.finish(), { refresh: false, tracker: true });
      await reporters.onEnd({ report: end.report, all: end.all, dir: end.finished.written.dir });
      return {
        finished: end.finished,
        unreachable: end.unreachable,
        reporterFailures: othersFailed(reporters, files),
      };
    },
    discard: () => stream.abandon(),
  };
}
