/**
 * `send` for the fuzz loop: one case through the run's own pieces — the
 * clients of the configured targets, the noise step (configured endpoint
 * noise, volatile headers, learned noise with `--noise`), the exchange of the
 * case's exact bytes on both sides, the judgement and the `Observation`. With a
 * reset hook, cases go one at a time, each after a reset.
 *
 * A flow step (a case with `flow`) is sent after its flow's earlier steps,
 * run afresh for that input on both sides as a run sends them: each side's
 * captures (its own token, its own id) are bound into the step's request,
 * mutated or not, and the step's answers are compared with the captured
 * values masked, as a run compares them.
 */

import type { Case } from '../../contract/model/case.js';
import type { Exchange } from '../../contract/model/exchange.js';
import type { Observation } from '../../contract/observation.js';
import { maskExchange } from '../../core/flow/mask.js';
import { normaliseOrigins, originForms } from '../../core/normalise/origin.js';
import { redactExchange } from '../../core/redact/exchange.js';
import type { Redactor } from '../../core/redact/redact.js';
import type { RunConfig } from '../../io/config/targets.js';
import type { TargetClient } from '../../io/http/client.js';
import { openClients } from '../../io/http/clients.js';
import { exchangeCase } from '../../io/http/exchange.js';
import { createFlowRun, type StepCase } from '../../io/http/flow-run.js';
import { createNoiseStep } from '../noise/step.js';
import { toSkippedObservation } from '../results/build.js';
import { observe } from '../stage.js';
import type { Probed } from './engine.js';
import { createReset, type ResetSpec } from './reset.js';
import { withSecretValues } from './secrets.js';

export interface FuzzSender {
  send(testCase: Case): Promise<Observation>;
  /**
   * With a reset command (which can restart a stopped target): the reset, the
   * case, then `probe` as it is, in one turn (see `FuzzEngineInput.sendProbed`).
   */
  readonly sendProbed?: ((testCase: Case, probe: Case) => Promise<Probed>) | undefined;
  /** Runs the reset hook once (a check before anything is fuzzed); nothing without a hook. */
  checkReset(): Promise<void>;
  close(): Promise<void>;
}

export interface SenderInput {
  readonly config: RunConfig;
  readonly redact: Redactor;
  /** Puts secret values back where a case holds their placeholders, just before it is sent. */
  readonly restore?: ((text: string) => string) | undefined;
  readonly reset: ResetSpec | undefined;
  /** The steps of each flow whose steps are fuzzed, by flow id (`engine/fuzz/fuzz-seeds.ts`). */
  readonly flows?: ReadonlyMap<string, readonly Case[]> | undefined;
  /** Where a reset command runs. */
  readonly shell: {
    readonly cwd: string;
    readonly env: Readonly<Record<string, string | undefined>>;
  };
}

export function createSender(input: SenderInput): FuzzSender {
  const { config } = input;
  const clients = openClients(config);
  const noise = createNoiseStep(config.noise);
  const context = { baseline: config.baseline, candidate: config.candidate, redact: input.redact };
  const reset =
    input.reset === undefined
      ? undefined
      : createReset(input.reset, [clients.baseline, clients.candidate], input.shell);
  const origins = {
    baseline: originForms(config.baseline.url.href),
    candidate: originForms(config.candidate.url.href),
  };
  const { restore } = input;
  const flows = input.flows ?? new Map<string, readonly Case[]>();
  const exchange = async (testCase: Case): Promise<Observation> => {
    const prepared = noise.prepare(
      restore === undefined ? testCase : withSecretValues(testCase, restore),
    );
    const done =
      prepared.flow === undefined
        ? await exchangeCase(prepared, clients.baseline, clients.candidate, clients.replica)
        : await stepExchange({ ...prepared, flow: prepared.flow }, flows, clients);
    if ('skipped' in done) return toSkippedObservation(prepared, done.skipped);
    return observe(normaliseOrigins(redactExchange(done, input.redact), origins), context, noise);
  };
  // With a reset hook, one case at a time: the reset, then the case.
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = queue.then(work);
    queue = turn.catch(() => undefined);
    return turn;
  };
  const send =
    reset === undefined
      ? exchange
      : (testCase: Case) =>
          inTurn(async () => {
            await reset.run();
            return exchange(testCase);
          });
  const sendProbed =
    reset === undefined || input.reset?.kind !== 'command'
      ? undefined
      : (testCase: Case, probe: Case) =>
          inTurn(async (): Promise<Probed> => {
            await reset.run();
            const result = await exchange(testCase);
            return { result, probe: await exchange(probe) };
          });
  return {
    send,
    sendProbed,
    checkReset: async () => reset?.run(),
    close: () => clients.close(),
  };
}

/**
 * A flow step sent after its flow's earlier steps (each side with its own
 * captures). When an earlier step could not be sent or failed in transport,
 * that step's answers stand for the input's (a side down before the input is
 * down after it too); a step that cannot be built (a capture found nothing) is
 * not sent, and says why.
 */
async function stepExchange(
  testCase: StepCase,
  flows: ReadonlyMap<string, readonly Case[]>,
  clients: { readonly baseline: TargetClient; readonly candidate: TargetClient },
): Promise<Exchange | { readonly skipped: string }> {
  const run = createFlowRun({ baseline: clients.baseline, candidate: clients.candidate });
  const steps = flows.get(testCase.flow.id) ?? [];
  for (let index = 0; index < testCase.flow.index; index++) {
    const before = steps[index];
    if (before?.flow === undefined) {
      return {
        skipped: `not sent: step ${index + 1} of flow ${testCase.flow.id} was not selected`,
      };
    }
    const outcome = await run.step({ ...before, flow: before.flow });
    if (outcome.kind === 'skipped') return { skipped: outcome.reason };
    const { baseline: b, candidate: c } = outcome.sides;
    if (b.answer.outcome === 'transport-error' || c.answer.outcome === 'transport-error') {
      return { case: testCase, baseline: b.answer, candidate: c.answer };
    }
  }
  const outcome = await run.step(testCase);
  if (outcome.kind === 'skipped') return { skipped: outcome.reason };
  const { baseline: b, candidate: c } = outcome.sides;
  const flow = {
    requests: { baseline: b.request, candidate: c.request },
    variables: { baseline: b.variables, candidate: c.variables },
    problems: outcome.problems,
  };
  // Each side's captured values differ by design: compared as their placeholders, as a run does.
  return maskExchange({ case: testCase, baseline: b.answer, candidate: c.answer, flow });
}
