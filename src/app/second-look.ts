/**
 * The second look: a safe request (`GET`, `HEAD`, `OPTIONS`) whose two
 * answers, masked as the run masks them, still differ in a value of one
 * format is sent once more to each side (each side's own request, in a flow),
 * so a value that changes from one request to the next (an uptime, a
 * per-request id) is known per-instance on the first run
 * (`normalise/changed.ts`). It costs one request per side for such a case
 * and no more than `max` per run (`secondLook` in the config,
 * `--second-look N`; 0 turns it off). A side answered from a recording is
 * never asked again, and nothing is sent again with `--noise`, whose
 * replica is that evidence already. A write is never sent again.
 */
import type { TargetClient } from '../execute/client.js';
import type { LookAgain } from '../execute/exchange.js';
import { planOf } from '../execute/plan.js';
import type { Exchange, SideOutcome } from '../model/exchange.js';

/** What the second look did in a run, for its report. */
export interface SecondLookTally {
  /** The most cases the run could send again. */
  readonly max: number;
  /** Cases sent again (one request to each side asked over HTTP). */
  readonly sent: number;
  /** Cases worth a second look once `max` was reached (not sent again). */
  readonly over: number;
}

export interface SecondLooks {
  readonly look: LookAgain;
  tally(): SecondLookTally;
}

export function createSecondLooks(input: {
  readonly baseline: TargetClient;
  readonly candidate: TargetClient;
  readonly max: number;
  /** Whether the exchange, masked as the run masks it, is worth a second look (`RunIntake`). */
  readonly worth: (exchange: Exchange) => boolean;
  /** The run is stopping (a signal, `--bail`): nothing is sent again. */
  readonly stopped?: () => boolean;
}): SecondLooks {
  const { baseline, candidate, max } = input;
  let sent = 0;
  let over = 0;
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
    tally: () => ({ max, sent, over }),
  };
}
