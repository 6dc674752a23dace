/**
 * The second look: a safe request (`GET`, `HEAD`, `OPTIONS`) whose two
 * answers, masked as the run masks them, still differ in a value of one
 * format is sent once more to each side (each side's own request, in a flow),
 * so a value that changes from one request to the next (an uptime, a
 * per-request id) is known per-instance on the first run
 * (`core/normalise/changed.ts`); and so is a read of a flow or serial
 * sequence whose answers differ at all, right after it (before the sequence
 * goes on), so a read that raced its side's own change of state is judged
 * on answers that agree (`core/normalise/raced.ts`). It costs one request per side for such a case
 * and no more than `max` per run (`secondLook` in the config,
 * `--second-look N`; 0 turns it off). A side answered from a recording is
 * never asked again, and nothing is sent again with `--noise`, whose
 * replica is that evidence already. A write is never sent again, nor a flow
 * step whose `until` a side did not meet (its last answer is the one compared).
 *
 * The second answers are held beside the first while the two are compared,
 * so a case where either side's first answer is larger than `maxBytes`
 * (`secondLookBytes` in the config, 1 MiB by default) is not sent again: the
 * values that move between two requests (an uptime, a request id) sit in
 * small answers, and a second copy of a large one costs more memory than its
 * evidence is worth. Such a case is marked (`Exchange.secondLookSkipped`,
 * the result's `secondLookSkipped`) and counted (`tooLarge`).
 */

import type { Exchange, SideOutcome } from '../../contract/model/exchange.js';
import { planOf } from '../../core/request/plan.js';
import { DEFAULT_SECOND_LOOK_BYTES } from '../../io/config/limits.js';
import type { TargetClient } from '../../io/http/client.js';
import type { LookAgain } from '../../io/http/exchange.js';

/** What the second look did in a run, for its report. */
export interface SecondLookTally {
  /** The most cases the run could send again. */
  readonly max: number;
  /** Cases sent again (one request to each side asked over HTTP). */
  readonly sent: number;
  /** Cases worth a second look once `max` was reached (not sent again). */
  readonly over: number;
  /** The largest answer (bytes, either side) a case is sent again for. */
  readonly maxBytes: number;
  /** Cases worth a second look with an answer larger than `maxBytes` (not sent again). */
  readonly tooLarge: number;
}

/** The size of a side's answer as held: the larger of its bytes on the wire and its decoded body. */
export function answerBytes(side: SideOutcome): number {
  if (side.outcome !== 'response') return 0;
  const { body, wireBytes } = side.response;
  const decoded =
    'size' in body ? body.size : 'text' in body && body.text !== undefined ? body.text.length : 0;
  return Math.max(wireBytes, decoded);
}

export interface SecondLooks {
  readonly look: LookAgain;
  tally(): SecondLookTally;
}

export function createSecondLooks(input: {
  readonly baseline: TargetClient;
  readonly candidate: TargetClient;
  readonly max: number;
  /** The largest answer a case is sent again for (default `DEFAULT_SECOND_LOOK_BYTES`). */
  readonly maxBytes?: number;
  /** Whether the exchange, masked as the run masks it, is worth a second look (`RunIntake`). */
  readonly worth: (exchange: Exchange) => boolean;
  /** The run is stopping (a signal, `--bail`): nothing is sent again. */
  readonly stopped?: () => boolean;
}): SecondLooks {
  const { baseline, candidate, max } = input;
  const maxBytes = input.maxBytes ?? DEFAULT_SECOND_LOOK_BYTES;
  let sent = 0;
  let over = 0;
  let tooLarge = 0;
  const again = (
    client: TargetClient,
    exchange: Exchange,
    side: 'baseline' | 'candidate',
  ): Promise<SideOutcome> | undefined => {
    if (client.recorded === true) return undefined;
    const request = exchange.flow?.requests[side] ?? exchange.case.request;
    return client.send(planOf(request), {}, exchange.case);
  };
  return {
    look: async (exchange) => {
      if (max <= 0 || exchange.replica !== undefined || input.stopped?.() === true) return exchange;
      // A step whose `until` a side never met is judged on that side's last answer, as it came.
      if (unmetUntil(exchange)) return exchange;
      // Measured before masking: judging a large answer twice is part of the cost.
      const bytes = Math.max(answerBytes(exchange.baseline), answerBytes(exchange.candidate));
      if (bytes > maxBytes) {
        if (!input.worth(exchange)) return exchange;
        tooLarge++;
        return { ...exchange, secondLookSkipped: { answerBytes: bytes, maxBytes } };
      }
      if (!input.worth(exchange)) return exchange;
      if (sent >= max) {
        over++;
        return exchange;
      }
      sent++;
      const [b, c] = await Promise.all([
        again(baseline, exchange, 'baseline'),
        again(candidate, exchange, 'candidate'),
      ]);
      if (b === undefined && c === undefined) return exchange;
      return {
        ...exchange,
        secondLook: {
          ...(b === undefined ? {} : { baseline: b }),
          ...(c === undefined ? {} : { candidate: c }),
        },
      };
    },
    tally: () => ({ max, sent, over, maxBytes, tooLarge }),
  };
}

/** A flow step with `until` that a side's last answer did not meet. */
function unmetUntil(exchange: Exchange): boolean {
  const waited = exchange.flow?.waited;
  return waited !== undefined && (!waited.baseline.met || !waited.candidate.met);
}
