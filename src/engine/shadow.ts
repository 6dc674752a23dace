import { isWriteMethod } from '../contract/model/case.js';
import { rawBytes } from '../io/shadow/answer.js';
import { BUSY_DEFAULTS, createBusyProbe } from '../io/shadow/busy.js';
import type { ForwardedNames } from '../io/shadow/forwarded.js';
import { type NotMirrored, startListener } from '../io/shadow/listener.js';
import { createMirrorQueue } from '../io/shadow/queue.js';
import { type SampleSpec, sampler } from '../io/shadow/sample.js';
import type { ShadowStatus } from '../io/shadow/status.js';
import type { Mirrored, ShadowMode } from '../io/shadow/traffic.js';
import { ByteBudget } from '../util/byte-budget.js';
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
  /**
   * The bytes the mirrored pairs hold at most, together (`--mirror-mb`):
   * request bodies, the proxy's baseline answers, and on the judging side
   * every answer and its decoded copies; past it copies are dropped and counted.
   */
  readonly budgetBytes: number;
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
  /** The byte budget the mirrored pairs share (its bytes held now, and the most held at once). */
  readonly budget: ByteBudget;
  /**
   * Rewrites the open run's reports in place with what it holds so far (the
   * tracker too with `tracker`); undefined when there was nothing new to write.
   */
  refresh(options: { readonly tracker: boolean }): Promise<RefreshSummary | undefined>;
  /**
   * Stops accepting, drains the queue (or drops what waits, with `dropWaiting`),
   * closes the run; asked again with `dropWaiting` while stopping, drops what still waits.
   */
  stop(options?: { readonly dropWaiting?: boolean }): Promise<ShadowOutcome>;
}

const NO_SKIPS: Record<NotMirrored, number> = {
  'sampled-out': 0,
  write: 0,
  'too-large': 0,
  'baseline-failed': 0,
  aborted: 0,
  upgrade: 0,
};

/** Starts listening (see the module comment). */
export async function startShadow(
  input: ShadowInput,
  /**
   * Opens the judging side, given the byte budget it shares with this side:
   * in this thread by default, or on a worker thread (`shadow-remote.ts`).
   */
  openJudge: (input: JudgeInput, budget: ByteBudget) => Promise<JudgeSide> = openJudgeSide,
): Promise<ShadowSession> {
  const budget = ByteBudget.create(input.budgetBytes);
  const judge = await openJudge(input, budget);
  const counts = { seen: 0, bytes: 0 };
  const skipped: Record<NotMirrored, number> = { ...NO_SKIPS };
  const probe =
    input.shedAt >= 1 ? undefined : createBusyProbe({ ...BUSY_DEFAULTS, threshold: input.shedAt });
  const queue = createMirrorQueue<Mirrored>({
    capacity: input.queueCapacity,
    workers: input.workers,
    load: probe === undefined ? undefined : () => probe.load(),
    work: (item) => judge.work(item),
    // Dropped at shutdown, never judged: their bytes are free again.
    discard: (item) => {
      budget.give(item.request.body.byteLength);
      void item.baseline?.then((raw) => budget.give(raw === 'over-budget' ? 0 : rawBytes(raw)));
    },
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
    budget,
    onOverBudget: () => void counts.bytes++,
  });

  const status = (): ShadowStatus => {
    const q = queue.stats();
    const judged = judge.counts();
    return {
      seen: counts.seen,
      mirrored: q.accepted,
      dropped: q.dropped + counts.bytes + judged.bytes,
      busy: q.busy,
      bytes: counts.bytes + judged.bytes,
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
    budget,
    refresh: (options) => judge.refresh(options),
    stop(options = {}) {
      // Asked again while stopping (a second signal): what still waits is dropped now.
      if (stopping !== undefined && options.dropWaiting === true) queue.dropWaiting();
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
