/**
 * How `parity record` sends: through the run's pool and sequence runner
 * (`executeUnits`), so serial files and flows run strictly in order, one
 * request at a time, exactly as in `parity run`, with one side, the target
 * recorded. A flow step is sent with the target's own captured values and
 * its entry keeps the request as sent; a step the flow cannot send (the
 * `sideEffects` opt-in missing, a capture that found nothing, a transport
 * failure before it) gets an entry that says why. With `--noise`, a case is
 * sent a second time as `run --noise` sends it to the baseline: plain cases
 * (serial files' too), never a flow's steps (a write must not be repeated).
 */

import type { Case, Variables } from '../../contract/model/case.js';
import type { SideOutcome } from '../../contract/model/exchange.js';
import { requestEndpoint } from '../../core/compare/endpoint.js';
import { secretValues } from '../../core/flow/secrets.js';
import { withSecrets } from '../../core/redact/extend.js';
import type { Redactor } from '../../core/redact/redact.js';
import { type PlannedRequest, planOf, planRequest } from '../../core/request/plan.js';
import type { CaseSource } from '../../io/cases/source.js';
import type { TargetClient } from '../../io/http/client.js';
import { createFlowRun, type StepCase } from '../../io/http/flow-run.js';
import { executeUnits } from '../../io/http/pool.js';
import { type Sender, type Sent, sendsAgain } from '../../io/http/sender.js';
import { skippedEntry, toEntry } from '../../io/recording/entry.js';
import { writeEntry } from '../../io/recording/write.js';
import { type Calibration, createCalibration } from '../../judge/noise/calibration.js';
import { createFlowHold, lastVariables } from './flow-hold.js';

/** One case as the target answered it. */
interface Answered {
  readonly testCase: Case;
  /** The request as sent (a flow step's with the target's values). */
  readonly sent: PlannedRequest;
  readonly answer: SideOutcome;
  /** With `--noise`, the second answer (never for a flow step). */
  readonly again?: SideOutcome;
  /** A flow step's variables after its captures (the values of its secret ones are redacted). */
  readonly variables?: Variables;
}

/** A flow step the target was not sent, and why. */
export interface SkippedStep {
  readonly caseId: string;
  /** The flow's id (`suite/flow`). */
  readonly flow: string;
  readonly reason: string;
}

export interface Sending {
  /** The selected cases, as a run reads them. */
  readonly source: CaseSource;
  readonly concurrency: number;
  readonly client: TargetClient;
  /** With `--noise`: the second client each plain case is sent to again. */
  readonly second: TargetClient | undefined;
  readonly redact: Redactor;
  readonly dir: string;
  readonly now: () => Date;
}

export interface RecordedCases {
  /** Cases the target did not answer (recorded as transport errors). */
  readonly failed: number;
  /** Flow steps not sent (recorded as skipped), in run order. */
  readonly skipped: readonly SkippedStep[];
  /** What differed between the two answers of each case (with `--noise`). */
  readonly calibration: Calibration;
  /** The endpoints of the cases sent twice (with `--noise`): their noise is learned anew. */
  readonly measured: ReadonlySet<string>;
  /** The step ids of each flow recorded (sent or skipped), by flow id. */
  readonly flows: ReadonlyMap<string, readonly string[]>;
}

/** The sender of a recording: one target (and its second client with `--noise`). */
function recordSender(client: TargetClient, second: TargetClient | undefined): Sender<Answered> {
  return {
    async send(testCase, inSequence) {
      const sent = planRequest(testCase);
      const answer = await client.send(sent, undefined, testCase);
      if (second === undefined || !sendsAgain(testCase, inSequence)) {
        return { testCase, sent, answer };
      }
      return { testCase, sent, answer, again: await second.send(sent, undefined, testCase) };
    },
    flow() {
      const run = createFlowRun({ target: client });
      return async (testCase: StepCase): Promise<Sent<Answered>> => {
        const outcome = await run.step(testCase);
        if (outcome.kind === 'skipped') return outcome;
        const { request, answer, variables } = outcome.sides.target;
        return { kind: 'sent', value: { testCase, sent: planOf(request), answer, variables } };
      };
    },
  };
}

/** The redactor of one entry: a flow step's hides the values of its flow's secret variables too. */
function entryRedactor(redact: Redactor, testCase: Case, variables: Variables | undefined) {
  const secrets = testCase.flow?.secrets;
  if (secrets === undefined || secrets.size === 0 || variables === undefined) return redact;
  return withSecrets(redact, secretValues(secrets, [variables]));
}

/** Sends the cases (see the module comment) and writes each entry as its answer arrives (a flow step's once its flow ran). */
export async function sendAndWrite(sending: Sending): Promise<RecordedCases> {
  const { redact, dir, now } = sending;
  const calibration = createCalibration();
  const skipped: SkippedStep[] = [];
  const measured = new Set<string>();
  const flows = new Map<string, string[]>();
  const seen = (testCase: Case) => {
    if (testCase.flow === undefined) return;
    const steps = flows.get(testCase.flow.id) ?? [];
    steps.push(testCase.id);
    flows.set(testCase.flow.id, steps);
  };
  let failed = 0;
  // A flow's entries are written once the whole flow ran (its secrets are all known then).
  const held = createFlowHold<HeldEntry>();
  const write = entryWriter(dir, redact);
  await executeUnits({
    cases: sending.source.batches(),
    concurrency: sending.concurrency,
    sender: recordSender(sending.client, sending.second),
    onSent: (answered) => {
      const { testCase, answer, again } = answered;
      seen(testCase);
      if (answer.outcome === 'transport-error') failed++;
      if (again !== undefined) {
        calibration.add({ case: testCase, baseline: answer, candidate: again });
        measured.add(requestEndpoint(testCase.request));
      }
      return write(held.add(testCase, { answered, at: now() }));
    },
    onSkipped: (testCase, reason) => {
      seen(testCase);
      skipped.push({ caseId: testCase.id, flow: testCase.flow?.id ?? testCase.id, reason });
      return write(held.add(testCase, { skipped: testCase, reason, at: now() }));
    },
  });
  await Promise.all(held.rest().map(write));
  return { failed, skipped, calibration, measured, flows };
}

/** An entry waiting for its flow's last step: answered or not sent, and when. */
type HeldEntry =
  | { readonly answered: Answered; readonly at: Date }
  | { readonly skipped: Case; readonly reason: string; readonly at: Date };

/**
 * Writes released entries (see `engine/run/flow-hold.ts`): a flow step's with every
 * secret its flow captured hidden, those of later steps too.
 */
function entryWriter(dir: string, redact: Redactor) {
  return (entries: readonly HeldEntry[] | undefined): Promise<void> | undefined => {
    if (entries === undefined) return undefined;
    const secretsFrom = lastVariables(entries, (entry) =>
      'answered' in entry && entry.answered.variables !== undefined
        ? { index: entry.answered.testCase.flow?.index ?? -1, variables: entry.answered.variables }
        : undefined,
    );
    const writes = entries.map((entry) => {
      if (!('answered' in entry)) {
        return writeEntry(
          dir,
          skippedEntry(entry.skipped, entry.reason, { redact, now: entry.at }),
        );
      }
      const { testCase, sent, answer, variables } = entry.answered;
      const context = {
        redact: entryRedactor(redact, testCase, secretsFrom ?? variables),
        now: entry.at,
      };
      return writeEntry(dir, toEntry(testCase, sent, answer, context));
    });
    return Promise.all(writes).then(() => undefined);
  };
}
