/**
 * A shadow session (`parity proxy`, `parity shadow`): live traffic is a
 * source of exchanges. The listener (`io/shadow/listener.ts`) takes each
 * request (and, inline, the baseline's answer the client was served); those
 * sampled and allowed by the write policy go into the bounded mirror queue
 * (`io/shadow/queue.ts`: full means dropped and counted); its workers send the
 * request to the candidate (rate-limited), the replica and, for the sink,
 * the baseline instance, through the run's own clients; each pair is
 * redacted (the request's own credentials too), then judged into the open
 * run (`shadow-segment.ts`: the intake, judge stage, reporters and tail of
 * `parity run`). The open run's folder is refreshed in place (`refresh`: the
 * reports every `--every` seconds, the tracker too on SIGHUP); a run grown
 * full is closed and the next opened; `stop` (SIGTERM) stops accepting,
 * drains the queue, closes the run and writes the capture.
 */
import { resolve } from 'node:path';
import { isWriteMethod } from '../contract/model/case.js';
import type { Exchange } from '../contract/model/exchange.js';
import type { Observation } from '../contract/observation.js';
import { resolveRules } from '../contract/rules/schema.js';
import { redactExchange } from '../core/redact/exchange.js';
import { withSecrets } from '../core/redact/extend.js';
import { addCredentialValues, literalSecrets } from '../core/redact/literal-credentials.js';
import type { Redactor } from '../core/redact/redact.js';
import { planRequest } from '../core/request/plan.js';
import type { NoiseSettings } from '../io/config/noise-settings.js';
import type { RunConfig } from '../io/config/targets.js';
import { openClients } from '../io/http/clients.js';
import type { DecodeShare } from '../io/http/receive.js';
import { buildCaseFiles } from '../io/import/cases.js';
import { renderCaseFile } from '../io/import/render.js';
import { isSession } from '../io/import/session.js';
import type { CaseFileModel } from '../io/import/types.js';
import { decodeAnswer } from '../io/shadow/answer.js';
import { BUSY_DEFAULTS, createBusyProbe } from '../io/shadow/busy.js';
import { type Capture, createCapture } from '../io/shadow/capture.js';
import { caseOfRequest } from '../io/shadow/case-of.js';
import type { ForwardedNames } from '../io/shadow/forwarded.js';
import { type NotMirrored, startListener } from '../io/shadow/listener.js';
import { createMirrorQueue } from '../io/shadow/queue.js';
import { createRepeats, repeatKey } from '../io/shadow/repeats.js';
import { type SampleSpec, sampler } from '../io/shadow/sample.js';
import type { ShadowStatus } from '../io/shadow/status.js';
import type { Mirrored, ShadowMode } from '../io/shadow/traffic.js';
import { createNoiseStep } from '../judge/noise/step.js';
import { openRunFolder, type RunFolder } from '../reporters/report/run-folder.js';
import type { RunReporter } from '../reporters/reporter.js';
import { ParityError } from '../util/errors.js';
import type { Host } from '../util/host.js';
import { writeStagedFiles } from '../util/staged-files.js';
import { newRunId } from './run/run-id.js';
import {
  openSegment,
  type Refreshed,
  type Segment,
  type SegmentEnd,
} from './shadow/shadow-segment.js';

export interface ShadowInput {
  readonly config: RunConfig;
  readonly redact: Redactor;
  /** Secret value → placeholder, known before any traffic (`${env:…}`, target URLs). */
  readonly known: ReadonlyMap<string, string>;
  readonly now: () => Date;
  readonly host: Host;
  /** The first run's folder, checked before listening. */
  readonly folder: RunFolder;
  readonly mode: ShadowMode;
  readonly listen: { readonly host: string; readonly port: number };
  readonly forwarded: ForwardedNames;
  readonly sample: SampleSpec;
  readonly mirrorWrites: boolean;
  /** Requests waiting in the mirror queue at most. */
  readonly queueCapacity: number;
  /** Mirrored requests compared at once: the concurrency, or fewer when the heap limit holds fewer. */
  readonly workers: number;
  /**
   * New mirrored requests are refused (dropped, counted) while the event
   * loop's utilisation is at or past this share (`io/shadow/busy.ts`); 1: never.
   */
  readonly shedAt: number;
  /** Requests per second to the candidate; undefined: the config's `rate`. */
  readonly candidateRate: number | undefined;
  /** Results one run holds at most: a full run is closed and the next opened. */
  readonly runSize: number;
  /** `--capture DIR`: where the captured case files go (relative to the project). */
  readonly capture: string | undefined;
  /** The caller's reporters (the console's), given to every run. */
  readonly reporters?: readonly RunReporter[] | undefined;
}

/** What the session keeps of a run it closed (never its report: a long session closes many). */
export interface ClosedRun {
  /** Where its reports were written. */
  readonly dir: string;
  readonly trackerError: SegmentEnd['finished']['trackerError'];
  readonly unreachable: SegmentEnd['unreachable'];
  readonly reporterFailures: SegmentEnd['reporterFailures'];
}

export interface ShadowOutcome {
  /** Every run the session closed, in order. */
  readonly runs: readonly ClosedRun[];
  readonly status: ShadowStatus;
  /** The captured case files written (relative to the project), when `--capture` was given. */
  readonly captured: readonly string[] | undefined;
}

export interface ShadowSession {
  readonly address: { readonly host: string; readonly port: number };
  status(): ShadowStatus;
  /**
   * Rewrites the open run's reports in place with what it holds so far (the
   * tracker too with `tracker`); undefined when there was nothing new to write.
   */
  refresh(options: { readonly tracker: boolean }): Promise<Refreshed | undefined>;
  /** Stops accepting, drains the queue (or drops what waits, with `dropWaiting`), closes the run. */
  stop(options?: { readonly dropWaiting?: boolean }): Promise<ShadowOutcome>;
}

const NO_SKIPS: Record<NotMirrored, number> = {
  'sampled-out': 0,
  write: 0,
  'too-large': 0,
  'baseline-failed': 0,
  aborted: 0,
};

/** Starts listening (see the module comment). */
export async function startShadow(input: ShadowInput): Promise<ShadowSession> {
  const { config } = input;
  const rules = resolveRules([config.rules]);
  // The candidate's client at `--candidate-rate`.
  const clients = openClients(input.config, {}, { candidateRate: input.candidateRate });
  // Without a replica, noise is learned from the reads the traffic repeats.
  const repeats = clients.replica === undefined ? createRepeats() : undefined;
  const noiseSettings: NoiseSettings =
    repeats === undefined ? config.noise : { ...config.noise, enabled: true, fromRepeats: true };
  const noise = createNoiseStep(noiseSettings);
  const capture: Capture | undefined = input.capture === undefined ? undefined : createCapture();
  const segmentInput = {
    config,
    redact: input.redact,
    now: input.now,
    host: input.host,
    noise,
    noiseSettings,
    reporters: input.reporters ?? [],
    capacity: input.runSize,
  };
  let segment: Segment = await openSegment(segmentInput, input.folder);
  const runs: ClosedRun[] = [];
  const counts = { seen: 0, compared: 0, unanswered: 0, divergent: 0, errors: 0, newRows: 0 };
  const skipped: Record<NotMirrored, number> = { ...NO_SKIPS };
  const causes = new Set<string>();
  let requests = 0;
  // The first run's id's random part names this session's cases (unique across sinks).
  const session = input.folder.runId.slice(-6);
  // Judging and closing runs take turns: a run is closed between two results, never during one.
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const next = turn.then(work);
    turn = next.catch(() => undefined);
    return next;
  };
  let failure: unknown;

  const closeSegment = async (reopen: boolean): Promise<SegmentEnd | undefined> => {
    const closing = segment;
    const end = await closing.close();
    runs.push({
      dir: end.finished.written.dir,
      trackerError: end.finished.trackerError,
      unreachable: end.unreachable,
      reporterFailures: end.reporterFailures,
    });
    counts.newRows += end.finished.tracker?.outcome.added.length ?? 0;
    if (reopen) {
      const { folder } = await openRunFolder(
        config.reportsDir,
        newRunId(input.now()),
        input.host,
        config.keep,
        { live: true },
      );
      segment = await openSegment(segmentInput, folder);
    }
    return end;
  };

  const tally = (result: Observation): void => {
    counts.compared++;
    if (result.verdict === 'divergent') counts.divergent++;
    if (result.verdict === 'error') counts.errors++;
    for (const finding of result.findings ?? []) causes.add(finding.fingerprint);
  };

  /** The run's redactor, knowing the credentials this request carries too. */
  const requestRedactor = (exchange: Exchange): Redactor => {
    const values = new Set<string>();
    addCredentialValues(exchange.case.request, rules.redactHeaders, values);
    if (values.size === 0) return input.redact;
    return withSecrets(input.redact, literalSecrets(values, input.known).secrets);
  };

  const work = async (item: Mirrored): Promise<void> => {
    const n = ++requests;
    const testCase = noise.prepare(caseOfRequest(item.request, n, rules, session));
    const plan = planRequest(testCase);
    const share: DecodeShare = {};
    // A write reaches a replica only when it is a disposable instance (checked before listening).
    const replica =
      isWriteMethod(testCase.request.method) && config.noise.replica === undefined
        ? undefined
        : clients.replica;
    const [baseline, candidate, again] = await Promise.all([
      item.baseline === undefined
        ? clients.baseline.send(plan, share)
        : item.baseline.then((answer) => answer && decodeAnswer(answer, config)),
      clients.candidate.send(plan, share),
      replica?.send(plan),
    ]);
    // The proxy's baseline failed, or its client went away: mirrored, but nothing to compare.
    if (baseline === undefined) {
      counts.unanswered++;
      return;
    }
    // No replica: the baseline's previous answer to this same read plays its
    // part, and both sides' previous answers are a second look's evidence.
    const key = repeats === undefined ? undefined : repeatKey(item.request);
    const previous = key === undefined ? undefined : repeats?.previous(key);
    if (key !== undefined) repeats?.keep(key, { baseline, candidate });
    const second = again ?? previous?.baseline;
    const sent: Exchange = {
      case: testCase,
      baseline,
      candidate,
      ...(second === undefined ? {} : { replica: second }),
      ...(previous === undefined ? {} : { secondLook: previous }),
    };
    const exchange = redactExchange(sent, requestRedactor(sent));
    await inTurn(async () => {
      tally(segment.judge(exchange));
      if (segment.full) await closeSegment(true);
    });
    capture?.add(item.request, n, baseline);
  };

  const probe =
    input.shedAt >= 1 ? undefined : createBusyProbe({ ...BUSY_DEFAULTS, threshold: input.shedAt });
  const queue = createMirrorQueue<Mirrored>({
    capacity: input.queueCapacity,
    workers: input.workers,
    load: probe === undefined ? undefined : () => probe.load(),
    work: (item) =>
      work(item).catch((error: unknown) => {
        failure ??= error;
      }),
  });
  const sample = sampler(input.sample);
  const listener = await listening(() => Promise.all([clients.close(), input.folder.discard()]), {
    ...input.listen,
    mode: input.mode,
    baseline: config.baseline.url,
    forwarded: input.forwarded,
    bodyCapBytes: config.bodyCapBytes,
    bodyBudget: config.bodyBudget,
    wanted: (method, headers, target) => {
      if (isWriteMethod(method) && !input.mirrorWrites) return 'write';
      return sample(headers, target) ? true : 'sampled-out';
    },
    admit: () => queue.admit(),
    onSeen: () => void counts.seen++,
    onMirrored: (item) => queue.offer(item),
    onNotMirrored: (why) => void skipped[why]++,
  });

  const status = (): ShadowStatus => {
    const q = queue.stats();
    return {
      seen: counts.seen,
      mirrored: q.accepted,
      dropped: q.dropped,
      busy: q.busy,
      skipped: { ...skipped },
      compared: counts.compared,
      unanswered: counts.unanswered,
      divergent: counts.divergent,
      errors: counts.errors,
      rootCauses: causes.size,
      newRows: counts.newRows,
      runs: runs.length,
    };
  };

  const writeCapture = async (): Promise<string[] | undefined> => {
    if (capture === undefined || input.capture === undefined) return undefined;
    const root = resolve(config.cwd, input.capture);
    const files = captureFiles(capture);
    const header = [
      'Captured by `parity shadow --capture` from live traffic. An ordinary case file: edit it freely.',
      'Credentials are never written here: set them per target in parity.config.yaml.',
    ];
    const texts = files.map((file) => ({
      path: resolve(root, file.name),
      shown: `${input.capture}/${file.name}`,
      text: renderCaseFile(file, header),
    }));
    await writeStagedFiles(texts, {
      root,
      force: true,
      hint: '',
      host: input.host,
      stopped: () => false,
      within: config.cwd,
    });
    return texts.map((t) => t.shown);
  };

  // What the open run held at its last refresh, and whether that one updated the tracker.
  let refreshed = { segment, size: -1, tracker: false };
  const refresh = async (options: { readonly tracker: boolean }) => {
    const open = segment;
    const same = refreshed.segment === open && refreshed.size === open.size;
    if (same && (refreshed.tracker || !options.tracker)) return undefined;
    const size = open.size;
    const done = await open.refresh(options);
    if (done === undefined) return undefined;
    refreshed = { segment: open, size, tracker: options.tracker };
    counts.newRows += done.finished.tracker?.outcome.added.length ?? 0;
    return done;
  };

  let stopping: Promise<ShadowOutcome> | undefined;
  return {
    address: listener.address,
    status,
    refresh,
    stop(options = {}) {
      stopping ??= (async () => {
        await listener.close();
        if (options.dropWaiting === true) queue.dropWaiting();
        await queue.drain();
        await clients.close();
        await inTurn(() => closeSegment(false));
        if (failure !== undefined) throw failure;
        const captured = await writeCapture();
        return { runs, status: status(), captured };
      })();
      return stopping;
    },
  };
}

/** `startListener`, an address it cannot take being bad usage (exit 2), not parity's failure. */
async function listening(
  undo: () => Promise<unknown>,
  options: Parameters<typeof startListener>[0],
) {
  try {
    return await startListener(options);
  } catch (error) {
    await undo().catch(() => undefined);
    const code = (error as { code?: unknown }).code;
    if (code !== 'EADDRINUSE' && code !== 'EADDRNOTAVAIL' && code !== 'EACCES') throw error;
    throw new ParityError(
      'PARITY_USAGE',
      `--listen ${options.host}:${options.port}: cannot listen there (${String(code)})`,
      { cause: error },
    );
  }
}

/** The capture's case files: the distinct requests, then each client session that is one, as a flow. */
function captureFiles(capture: Capture): CaseFileModel[] {
  const plain = buildCaseFiles(capture.distinct()).files;
  const flows = capture
    .sessions()
    .filter(isSession)
    .flatMap((source, index) =>
      buildCaseFiles(source).files.map((file) => ({
        ...file,
        name: `session-${index + 1}-${file.name}`,
        suite: `session-${index + 1}-${file.suite}`,
      })),
    );
  return [...plain, ...flows];
}
