/**
 * The bounded pool: replays cases with at most `concurrency` units in
 * flight, each case sent to every side at once, and hands what each case
 * gives to `onSent` as soon as it completes, so nothing accumulates here. A
 * sequence (a flow, a serial file) is one unit: its cases run one after
 * another on one worker, and it runs alone: it starts once every unit taken
 * before it was answered, and no unit taken after it is sent before it
 * ends (a stateful API sees one order; see `Exclusive`).
 * `executeCases` is a run's pool (both sides, an `Exchange` per case);
 * `executeUnits` takes any `Sender` (`parity record` sends to one target).
 * Once `stopped` says so (a signal), no new unit is taken: the units in
 * flight finish, and `notRun` lists the cases never sent.
 */

import type { Case } from '../../contract/model/case.js';
import type { Exchange } from '../../contract/model/exchange.js';
import type { RunUnit } from '../../contract/model/unit.js';
import type { TargetClient } from './client.js';
import { exchangeSender, type LookAgain, type ReplicaSends } from './exchange.js';
import type { InFlightBytes } from './in-flight.js';
import type { LoopClock } from './loop-clock.js';
import type { Sender } from './sender.js';
import { type FlowAgain, runSequence, type SequenceInput } from './sequence.js';

/** The units to send and how, for any `Sender`. */
export interface UnitsInput<R> extends SequenceInput<R> {
  /** The units in run order: an array, or batches (a large library streamed a file at a time). */
  readonly cases: readonly RunUnit[] | AsyncIterable<readonly RunUnit[]>;
  readonly concurrency: number;
  /** Checked before each unit is taken: once true, no new unit is sent (those in flight finish). */
  readonly stopped?: (() => boolean) | undefined;
}

/** How the pool ended. */
export interface Executed {
  /** The cases never sent, in run order (only when `stopped` cut the run short). */
  notRun(): AsyncIterable<Case>;
}

export interface ExecuteInput {
  /** The units in run order: an array, or batches (a large library streamed a file at a time). */
  readonly cases: readonly RunUnit[] | AsyncIterable<readonly RunUnit[]>;
  readonly baseline: TargetClient;
  readonly candidate: TargetClient;
  /** With `--noise`: each case is also sent here (the baseline again, or its replica; a replica instance runs flows too). */
  readonly replica?: ReplicaSends | undefined;
  /** The second look: a safe request sent once more to each side when its answers differ in value. */
  readonly lookAgain?: LookAgain | undefined;
  readonly concurrency: number;
  /** Called as each exchange completes, with its case's position in run order (0-based). */
  readonly onExchange: (exchange: Exchange, position: number) => void;
  /** Called for a case that was not sent (a flow step that cannot run), with the reason. */
  readonly onSkipped?: ((testCase: Case, reason: string, position: number) => void) | undefined;
  /** Checked before each unit is taken: once true, no new unit is sent (those in flight finish). */
  readonly stopped?: () => boolean;
  /**
   * With `--noise` on disposable targets: each flow runs twice on both sides,
   * `before` (the reset hook) between the runs, and the baseline's second
   * answer to each step is its replica answer.
   */
  readonly flowsAgain?: { readonly before: () => Promise<void> } | undefined;
  /** Watches the time parity's own processing holds the event loop (see `loop-clock.ts`). */
  readonly clock?: LoopClock;
  /**
   * The run's bound on body bytes in flight, the one its clients were given
   * (`ClientOptions.inFlight`): each plain case opens a hold as it is sent,
   * released once `onExchange` returned (see `in-flight.ts`).
   */
  readonly inFlight?: InFlightBytes | undefined;
}

/** A run's pool: every case to both sides (see the module comment). */
export function executeCases(input: ExecuteInput): Promise<Executed> {
  const { clock, inFlight } = input;
  const sender = exchangeSender(input.baseline, input.candidate, {
    replica: input.replica,
    lookAgain: input.lookAgain,
    stopped: input.stopped,
  });
  const onExchange =
    inFlight === undefined
      ? input.onExchange
      : (exchange: Exchange, position: number) => {
          try {
            input.onExchange(exchange, position);
          } finally {
            inFlight.release(exchange.case);
          }
        };
  return executeUnits({
    cases: input.cases,
    concurrency: input.concurrency,
    sender:
      inFlight === undefined
        ? sender
        : {
            // A sequence's cases open no hold: a sequence runs alone (see `in-flight.ts`).
            send: (testCase, inSequence) => {
              if (inSequence !== true) inFlight.open(testCase);
              return sender.send(testCase, inSequence);
            },
            flow: sender.flow,
          },
    // Judging an exchange is timed, so it is not counted in the latency of others (`LoopClock`).
    onSent:
      clock === undefined
        ? onExchange
        : (exchange, position) => clock.busy(() => onExchange(exchange, position)),
    onSkipped: input.onSkipped,
    stopped: input.stopped,
    again: input.flowsAgain === undefined ? undefined : flowAgain(input, input.flowsAgain.before),
  });
}

/** Each flow run again on both sides (their states stay in step); the baseline's answers are the replica's. */
function flowAgain(input: ExecuteInput, before: () => Promise<void>): FlowAgain<Exchange> {
  const sender = exchangeSender(input.baseline, input.candidate, { stopped: input.stopped });
  return {
    before,
    flow: () => sender.flow(),
    join: (first, second) => ({
      ...first,
      replica: second.baseline,
      ...(first.flow === undefined || second.flow === undefined
        ? {}
        : { flow: { ...first.flow, replicaVariables: second.flow.variables.baseline } }),
    }),
  };
}

/**
 * The units one at a time, in order. Taking the next unit is synchronous
 * while the current batch lasts; only the worker that empties it waits for
 * the next batch, and the others wait for the same one.
 */
function caseQueue(cases: UnitsInput<unknown>['cases']) {
  const batches = Array.isArray(cases) ? undefined : (cases as AsyncIterable<readonly RunUnit[]>);
  const iterator = batches?.[Symbol.asyncIterator]();
  let current: readonly RunUnit[] = iterator === undefined ? (cases as readonly RunUnit[]) : [];
  let index = 0;
  let refill: Promise<boolean> | undefined;
  const nextBatch = async (): Promise<boolean> => {
    const step = await (iterator as AsyncIterator<readonly RunUnit[]>).next();
    if (step.done === true) return false;
    current = step.value;
    index = 0;
    return true;
  };
  return {
    /** The next unit when the current batch holds one (the hot path). */
    now: (): RunUnit | undefined => current[index++],
    /** The next unit once a batch is loaded; undefined when every unit was taken. */
    async later(): Promise<RunUnit | undefined> {
      if (iterator === undefined) return undefined;
      while (index >= current.length) {
        refill ??= nextBatch().finally(() => {
          refill = undefined;
        });
        if (!(await refill)) return undefined;
      }
      return current[index++];
    },
  };
}

/** A unit in flight: one case being sent, or a whole sequence. */
type Pending<R> =
  | { readonly position: number; readonly sent: Promise<R>; readonly run?: undefined }
  | { readonly position: number; readonly run: Promise<void>; readonly sent?: undefined };

/**
 * A sequence's claim on the whole pool. Units in flight are counted; a
 * sequence waits until the units taken before it are answered, then runs
 * while every unit taken after it waits for its end. Without sequences the
 * hot path is a counter and one comparison per case.
 */
function exclusive() {
  let inFlight = 0;
  let drained: (() => void) | undefined;
  /** The end of the last sequence taken, while it has not ended. */
  let barrier: Promise<void> | undefined;
  const leave = (): void => {
    inFlight--;
    if (inFlight === 0 && drained !== undefined) drained();
  };
  // `finally` costs two closures and two more promises per call; these two are made once.
  const left = <T>(value: T): T => {
    leave();
    return value;
  };
  const leftFailed = (error: unknown): never => {
    leave();
    throw error;
  };
  /** Counts `work` in flight until it settles (pool units never reject: failures are data). */
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight++;
    return work.then(left, leftFailed);
  };
  return {
    /**
     * Starts a case now, or once the sequence taken before it ended. It is
     * counted in flight from when it is sent, so a sequence taken after it
     * waits for it, and one taken before it never does.
     */
    send<T>(sender: Sender<T>, unit: Case): Promise<T> {
      const wait = barrier;
      // No closure per case on the hot path (no sequence taken before it).
      return wait === undefined
        ? track(sender.send(unit))
        : wait.then(() => track(sender.send(unit)));
    },
    /** Runs a sequence alone: after every unit in flight, before any unit taken later. */
    alone(run: () => Promise<void>): Promise<void> {
      const before = barrier;
      const started = new Promise<void>((resolve) => {
        const ready = () => {
          if (inFlight === 0) return resolve();
          drained = () => {
            drained = undefined;
            resolve();
          };
        };
        if (before === undefined) ready();
        else void before.then(ready);
      });
      const done: Promise<void> = started.then(run).finally(() => {
        if (barrier === done) barrier = undefined;
      });
      barrier = done;
      // Not counted in flight: the next sequence waits for this one through `barrier`.
      return done;
    },
  };
}

/** Sends the units with `input.sender` (see the module comment). */
export async function executeUnits<R>(input: UnitsInput<R>): Promise<Executed> {
  const queue = caseQueue(input.cases);
  const stopped = input.stopped ?? (() => false);
  const pool = exclusive();
  // Units are taken in run order: a case takes the next position, a sequence as many as it holds.
  let taken = 0;
  const start = (unit: RunUnit | undefined): Pending<R> | undefined => {
    if (unit === undefined) return undefined;
    if (unit.kind === 'sequence') {
      const position = taken;
      taken += unit.size;
      return { position, run: pool.alone(() => runSequence(unit, position, input)) };
    }
    return { position: taken++, sent: pool.send(input.sender, unit) };
  };
  const worker = async (): Promise<void> => {
    let pending = stopped() ? undefined : start(queue.now() ?? (await queue.later()));
    while (pending !== undefined) {
      if (pending.run !== undefined) {
        await pending.run;
        pending = stopped() ? undefined : start(queue.now() ?? (await queue.later()));
        continue;
      }
      const { position } = pending;
      const sent = await pending.sent;
      // Send the next case before judging this one, so the servers are never
      // kept waiting on our processing: the slot stays busy on the wire.
      pending = stopped() ? undefined : start(queue.now() ?? (await queue.later()));
      const done = input.onSent(sent, position);
      if (done instanceof Promise) await done;
    }
  };
  const known = Array.isArray(input.cases) ? (input.cases as readonly RunUnit[]).length : Infinity;
  const workers = Math.max(1, Math.min(input.concurrency, known));
  await Promise.all(Array.from({ length: workers }, worker));
  return {
    async *notRun() {
      for (let unit = queue.now() ?? (await queue.later()); unit !== undefined; ) {
        if (unit.kind === 'sequence') {
          for await (const batch of unit.cases()) yield* batch;
        } else yield unit;
        unit = queue.now() ?? (await queue.later());
      }
    },
  };
}
