/** One case sent to both sides (and the replica), byte-identical, concurrently; the run's sender. */
import type { Case } from '../../contract/model/case.js';
import type { Exchange, SideOutcome } from '../../contract/model/exchange.js';
import { planRequest } from '../../core/request/plan.js';
import type { TargetClient } from './client.js';
import { createFlowRun, type StepCase } from './flow-run.js';
import { type Sender, type Sent, sendsAgain } from './sender.js';

/** Sends one case to both sides, byte-identical, concurrently. */
export function exchangeCase(
  testCase: Case,
  baseline: TargetClient,
  candidate: TargetClient,
  replica?: TargetClient,
): Promise<Exchange> {
  const plan = planRequest(testCase);
  // Identical answers are decoded once. The replica never shares: noise learning
  // compares its answer with the baseline's and must see its own bytes.
  const share = {};
  if (replica === undefined)
    return both(
      testCase,
      baseline.send(plan, share, testCase),
      candidate.send(plan, share, testCase),
    );
  const sides = [
    baseline.send(plan, share, testCase),
    candidate.send(plan, share, testCase),
  ] as const;
  return Promise.all([...sides, replica.send(plan, undefined, testCase)]).then(([b, c, r]) => ({
    case: testCase,
    baseline: b,
    candidate: c,
    replica: r,
  }));
}

/**
 * The exchange once both sides answered: `Promise.all` without its array,
 * its per-element callbacks and its second promise (the hot path of a run).
 * Sides never reject (failures are data); a rejection still rejects it.
 */
function both(
  testCase: Case,
  baseline: Promise<SideOutcome>,
  candidate: Promise<SideOutcome>,
): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    let b: SideOutcome | undefined;
    let c: SideOutcome | undefined;
    baseline.then((outcome) => {
      b = outcome;
      if (c !== undefined) resolve({ case: testCase, baseline: outcome, candidate: c });
    }, reject);
    candidate.then((outcome) => {
      c = outcome;
      if (b !== undefined) resolve({ case: testCase, baseline: b, candidate: outcome });
    }, reject);
  });
}

/**
 * Looks at an exchange again before the pool hands it over (the second
 * look, `engine/run/second-look.ts`): the exchange, with the extra answers when it
 * sent the request again, else as it was.
 */
export type LookAgain = (exchange: Exchange) => Promise<Exchange>;

/** Where the run sends what noise learning needs: every case, and flows only to an instance of their own. */
export interface ReplicaSends {
  /** Each plain case is also sent here (the baseline again, or its replica). */
  readonly client: TargetClient;
  /**
   * A replica that is an instance of its own (`--baseline-replica`): it runs
   * every flow too, with its own variables (its own token, its own ids), so
   * flows learn noise as plain cases do. The baseline sent again never
   * runs a flow: a write must not be repeated on it.
   */
  readonly runsFlows: boolean;
}

/**
 * A run's sender: each case to both sides (and to the replica with
 * `--noise`); a flow's steps to both sides with each side's own variables,
 * and to a replica instance (`ReplicaSends.runsFlows`) with its own, as a
 * flow run of its own (a replica that fails stops only its own steps).
 */
/** What a run's sender does besides sending each case to both sides. */
export interface SenderExtras {
  /** With `--noise`: where each case (and, for a replica instance, each flow) is sent too. */
  readonly replica?: ReplicaSends | undefined;
  /** The second look: a safe request sent once more to each side when its answers differ in value. */
  readonly lookAgain?: LookAgain | undefined;
  /** Checked while a flow step with `until` waits: once true (a signal), it stops waiting. */
  readonly stopped?: (() => boolean) | undefined;
}

export function exchangeSender(
  baseline: TargetClient,
  candidate: TargetClient,
  extras: SenderExtras = {},
): Sender<Exchange> {
  const { replica, lookAgain, stopped } = extras;
  return {
    send: (testCase, inSequence) => {
      const sent = exchangeCase(
        testCase,
        baseline,
        candidate,
        // A replica instance takes every write; the baseline itself never a serial file's twice.
        replica?.runsFlows === true || sendsAgain(testCase, inSequence)
          ? replica?.client
          : undefined,
      );
      return lookAgain === undefined ? sent : sent.then(lookAgain);
    },
    flow: () => {
      const run = createFlowRun({ baseline, candidate }, { stopped });
      const again =
        replica?.runsFlows === true
          ? createFlowRun({ replica: replica.client }, { stopped })
          : undefined;
      return async (testCase: StepCase): Promise<Sent<Exchange>> => {
        const [outcome, other] = await Promise.all([run.step(testCase), again?.step(testCase)]);
        if (outcome.kind === 'skipped') return outcome;
        const { baseline: b, candidate: c } = outcome.sides;
        const flow = {
          requests: { baseline: b.request, candidate: c.request },
          variables: { baseline: b.variables, candidate: c.variables },
          problems: outcome.problems,
          ...(b.waited === undefined || c.waited === undefined
            ? {}
            : { waited: { baseline: b.waited, candidate: c.waited } }),
        };
        const value = { case: testCase, baseline: b.answer, candidate: c.answer, flow };
        if (other?.kind !== 'sent') {
          return { kind: 'sent', value: lookAgain === undefined ? value : await lookAgain(value) };
        }
        const { answer, variables } = other.sides.replica;
        const withReplica = { ...flow, replicaVariables: variables };
        return { kind: 'sent', value: { ...value, flow: withReplica, replica: answer } };
      };
    },
  };
}
