import { isWriteMethod } from '../contract/model/case.js';
import { BUSY_DEFAULTS, createBusyProbe } from '../io/shadow/busy.js';
import type { ForwardedNames } from '../io/shadow/forwarded.js';
import { type NotMirrored, startListener } from '../io/shadow/listener.js';
import { createMirrorQueue } from '../io/shadow/queue.js';
import { type SampleSpec, sampler } from '../io/shadow/sample.js';
import type { ShadowStatus } from '../io/shadow/status.js';
import type { Mirrored, ShadowMode } from '../io/shadow/traffic.js';
import { ParityError } from '../util/errors.js';
import {
  type ClosedRun,
  type JudgeInput,
  type JudgeSide,
  openJudgeSide,
  type RefreshSummary,
} from './shadow-judge.js';

export interface ShadowInput extends JudgeInput {
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
  refresh(options: { readonly tracker: boolean }): Promise<RefreshSummary | undefined>;
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
export async function startShadow(
  input: ShadowInput,
  /** Opens the judging side: in this thread by default, or on a worker thread (`shadow-remote.ts`). */
  openJudge: (input: JudgeInput) => Promise<JudgeSide> = openJudgeSide,
): Promise<ShadowSession> {
  const judge = await openJudge(input);
  const counts = { seen: 0 };
  const skipped: Record<NotMirrored, number> = { ...NO_SKIPS };
  const probe =
    input.shedAt >= 1 ? undefined : createBusyProbe({ ...BUSY_DEFAULTS, threshold: input.shedAt });
  const queue = createMirrorQueue<Mirrored>({
    capacity: input.queueCapacity,
    workers: input.workers,
    load: probe === undefined ? undefined : () => probe.load(),
    work: (item) => judge.work(item),
  });
  const sample = sampler(input.sample);
  const listener = await listening(() => judge.discard(), {
    ...input.listen,
    mode: input.mode,
    baseline: input.config.baseline.url,
    forwarded: input.forwarded,
    bodyCapBytes: input.config.bodyCapBytes,
    bodyBudget: input.config.bodyBudget,
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
    const judged = judge.counts();
    return {
      seen: counts.seen,
      mirrored: q.accepted,
      dropped: q.dropped,
      busy: q.busy,
      skipped: { ...skipped },
      compared: judged.compared,
      unanswered: judged.unanswered,
      divergent: judged.divergent,
      errors: judged.errors,
      rootCauses: judged.rootCauses,
      newRows: judged.newRows,
      runs: judged.runs,
    };
  };

  let stopping: Promise<ShadowOutcome> | undefined;
  return {
    address: listener.address,
    status,
    refresh: (options) => judge.refresh(options),
    stop(options = {}) {
      stopping ??= (async () => {
        await listener.close();
        if (options.dropWaiting === true) queue.dropWaiting();
        await queue.drain();
        const { runs, captured } = await judge.close();
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
