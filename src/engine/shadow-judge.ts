/**
 * The judging side of a shadow session: everything after the mirror queue.
 * It owns the clients to the candidate, the replica and (for the sink) the
 * baseline instance, the learned noise, the repeats, the open run
 * (`shadow/shadow-segment.ts`) and the runs it closed, and the capture. It is
 * fed one mirrored request at a time (`work`) and answers in plain data
 * (`counts`, `refresh`, `close`): what it takes and gives can cross to a
 * worker thread, so the listening side's event loop only forwards, queues
 * and hands over.
 */
import { resolve } from 'node:path';
import { isWriteMethod } from '../contract/model/case.js';
import type { Exchange, SideOutcome } from '../contract/model/exchange.js';
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
import { decodeAnswer, type RawAnswer, rawBytes } from '../io/shadow/answer.js';
import { type Capture, createCapture } from '../io/shadow/capture.js';
import { caseOfRequest } from '../io/shadow/case-of.js';
import { decodedBytes } from '../io/shadow/old-space.js';
import { createRepeats, repeatKey } from '../io/shadow/repeats.js';
import type { ShadowStatus } from '../io/shadow/status.js';
import type { Mirrored } from '../io/shadow/traffic.js';
import { createNoiseStep } from '../judge/noise/step.js';
import { openRunFolder, type RunFolder } from '../reporters/report/run-folder.js';
import type { RunReporter } from '../reporters/reporter.js';
import type { ByteBudget } from '../util/byte-budget.js';
import type { ParityError } from '../util/errors.js';
import type { Host } from '../util/host.js';
import { writeStagedFiles } from '../util/staged-files.js';
import { newRunId } from './run/run-id.js';
import {
  openSegment,
  type Refreshed,
  type Segment,
  type SegmentEnd,
} from './shadow/shadow-segment.js';

/** What the judging side has counted: the session status's judging half. */
export type JudgeCounts = Pick<
  ShadowStatus,
  'compared' | 'unanswered' | 'bytes' | 'divergent' | 'errors' | 'rootCauses' | 'newRows' | 'runs'
>;

export interface JudgeSide {
  /** Sends one mirrored request on, judges the answers into the open run. */
  work(item: Mirrored): Promise<void>;
  counts(): JudgeCounts;
  /** Rewrites the open run's reports in place; undefined when there was nothing new. */
  refresh(options: { readonly tracker: boolean }): Promise<RefreshSummary | undefined>;
  /** Closes the clients and the open run, writes the capture; throws the first failure of `work`. */
  close(): Promise<{
    readonly runs: readonly ClosedRun[];
    readonly captured: string[] | undefined;
  }>;
  /** Closes the clients and discards the first run's folder (the session never listened). */
  discard(): Promise<void>;
}

/** What a refresh wrote, as the command prints it (plain data). */
export interface RefreshSummary {
  /** The open run's folder. */
  readonly dir: string;
  /** Whether the tracker was updated. */
  readonly tracker: boolean;
  /** Why the tracker was not updated, when it was asked to be. */
  readonly trackerError: ParityError | undefined;
}

/** What a refresh wrote, summed up. */
export function summaryOf(done: Refreshed): RefreshSummary {
  return {
    dir: done.finished.written.dir,
    tracker: done.finished.tracker !== undefined,
    trackerError: done.finished.trackerError,
  };
}

/** What the judging side is opened with. */
export interface JudgeInput {
  readonly config: RunConfig;
  readonly redact: Redactor;
  /** Secret value → placeholder, known before any traffic (`${env:…}`, target URLs). */
  readonly known: ReadonlyMap<string, string>;
  readonly now: () => Date;
  readonly host: Host;
  /** The first run's folder, checked before listening. */
  readonly folder: RunFolder;
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

/** The bytes an answer came in as (0 when it is no answer). */
function wireBytes(side: SideOutcome | undefined): number {
  return side?.outcome === 'response' ? side.response.wireBytes : 0;
}

/**
 * Opens the judging side (see the module comment). `budget`: the byte budget
 * the mirrored pairs share with the listening side: a request's body and the
 * proxy's baseline answer come counted in it (given back here once the pair
 * is judged or dropped), and the answers' decoded copies are counted before
 * they are made; past it the pair is dropped and counted (`bytes`).
 */
export async function openJudgeSide(input: JudgeInput, budget: ByteBudget): Promise<JudgeSide> {
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
  const counts = { compared: 0, unanswered: 0, bytes: 0, divergent: 0, errors: 0, newRows: 0 };
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

  const closeSegment = async (reopen: boolean): Promise<void> => {
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
    // The bytes this pair holds in the budget, given back once it is judged or dropped.
    let held = item.request.body.byteLength;
    try {
      await judgeOne(item, (more) => {
        held += more;
      });
    } finally {
      budget.give(held);
    }
  };

  /** Judges one pair; `holds` says each count it adds to the budget. */
  const judgeOne = async (item: Mirrored, holds: (bytes: number) => void): Promise<void> => {
    const n = ++requests;
    const testCase = noise.prepare(caseOfRequest(item.request, n, rules, session));
    const plan = planRequest(testCase);
    const share: DecodeShare = {};
    // A write reaches a replica only when it is a disposable instance (checked before listening).
    const replica =
      isWriteMethod(testCase.request.method) && config.noise.replica === undefined
        ? undefined
        : clients.replica;
    const [answered, candidate, again] = await Promise.all([
      item.baseline ?? clients.baseline.send(plan, share),
      clients.candidate.send(plan, share),
      replica?.send(plan),
    ]);
    // The proxy's baseline answer went past the budget as it streamed: dropped, counted there.
    if (answered === 'over-budget') return;
    const raw: RawAnswer | undefined =
      item.baseline === undefined ? undefined : (answered as RawAnswer | undefined);
    holds(rawBytes(raw));
    // The proxy's baseline failed, or its client went away: mirrored, but nothing to compare.
    if (item.baseline !== undefined && raw === undefined) {
      counts.unanswered++;
      return;
    }
    // The decoded copies, counted before they are made (the proxy's baseline),
    // or as soon as they are (the answers this side received, each within the body cap).
    const sizes = [
      raw === undefined ? wireBytes(answered as SideOutcome) : rawBytes(raw),
      wireBytes(candidate),
      wireBytes(again),
    ];
    const decoded = sizes.reduce(
      (sum, size) => sum + decodedBytes(size, config.bodyBudget.nodes),
      0,
    );
    if (!budget.take(decoded, item.request.body.byteLength + rawBytes(raw))) {
      counts.bytes++;
      return;
    }
    holds(decoded);
    const baseline = raw === undefined ? (answered as SideOutcome) : decodeAnswer(raw, config);
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
  return {
    work: (item) =>
      work(item).catch((error: unknown) => {
        failure ??= error;
      }),
    counts: () => ({ ...counts, rootCauses: causes.size, runs: runs.length }),
    async refresh(options) {
      const open = segment;
      const same = refreshed.segment === open && refreshed.size === open.size;
      if (same && (refreshed.tracker || !options.tracker)) return undefined;
      const size = open.size;
      const done = await open.refresh(options);
      if (done === undefined) return undefined;
      refreshed = { segment: open, size, tracker: options.tracker };
      counts.newRows += done.finished.tracker?.outcome.added.length ?? 0;
      return summaryOf(done);
    },
    async close() {
      await clients.close();
      await inTurn(() => closeSegment(false));
      if (failure !== undefined) throw failure;
      return { runs, captured: await writeCapture() };
    },
    async discard() {
      await Promise.all([clients.close(), segment.discard().then(() => input.folder.discard())]);
    },
  };
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
