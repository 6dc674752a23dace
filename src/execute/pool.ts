/**
 * The bounded pool: replays cases with at most `concurrency` units in
 * flight, each case sent to both sides at once, and hands every `Exchange`
 * to `onExchange` as soon as it completes, so nothing accumulates here. A
 * sequence (a flow, a serial file) is one unit: its cases run one after
 * another on one worker while the other workers go on with other units.
 */
import type { RunUnit } from '../cases/source.js';
import type { Case } from '../model/case.js';
import type { Exchange } from '../model/exchange.js';
import type { TargetClient } from './client.js';
import { exchangeCase } from './exchange.js';
import { runSequence } from './sequence.js';

export { exchangeCase } from './exchange.js';

export interface ExecuteInput {
  /** The units in run order: an array, or batches (a large library streamed a file at a time). */
  readonly cases: readonly RunUnit[] | AsyncIterable<readonly RunUnit[]>;
  readonly baseline: TargetClient;
  readonly candidate: TargetClient;
  /** With `--noise`: each case is also sent here (the baseline again, or its replica). */
  readonly replica?: TargetClient | undefined;
  readonly concurrency: number;
  /** Called as each exchange completes, with its case's position in run order (0-based). */
  readonly onExchange: (exchange: Exchange, position: number) => void;
  /** Called for a case that was not sent (a flow step that cannot run), with the reason. */
  readonly onSkipped?: ((testCase: Case, reason: string, position: number) => void) | undefined;
}

/**
 * The units one at a time, in order. Taking the next unit is synchronous
 * while the current batch lasts; only the worker that empties it waits for
 * the next batch, and the others wait for the same one.
 */
function caseQueue(cases: ExecuteInput['cases']) {
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

/** A unit in flight: one case's exchange, or a whole sequence. */
type Pending =
  | { readonly position: number; readonly exchange: Promise<Exchange>; readonly run?: undefined }
  | { readonly position: number; readonly run: Promise<void>; readonly exchange?: undefined };

export async function executeCases(input: ExecuteInput): Promise<void> {
  const queue = caseQueue(input.cases);
  // Units are taken in run order: a case takes the next position, a sequence as many as it holds.
  let taken = 0;
  const start = (unit: RunUnit | undefined): Pending | undefined => {
    if (unit === undefined) return undefined;
    if (unit.kind === 'sequence') {
      const position = taken;
      taken += unit.size;
      return { position, run: runSequence(unit, position, input) };
    }
    return {
      position: taken++,
      exchange: exchangeCase(unit, input.baseline, input.candidate, input.replica),
    };
  };
  const worker = async (): Promise<void> => {
    let pending = start(queue.now() ?? (await queue.later()));
    while (pending !== undefined) {
      if (pending.run !== undefined) {
        await pending.run;
        pending = start(queue.now() ?? (await queue.later()));
        continue;
      }
      const { position } = pending;
      const exchange = await pending.exchange;
      // Send the next case before judging this one, so the servers are never
      // kept waiting on our processing: the slot stays busy on the wire.
      pending = start(queue.now() ?? (await queue.later()));
      input.onExchange(exchange, position);
    }
  };
  const known = Array.isArray(input.cases) ? (input.cases as readonly RunUnit[]).length : Infinity;
  const workers = Math.max(1, Math.min(input.concurrency, known));
  await Promise.all(Array.from({ length: workers }, worker));
}
