/**
 * `send` for the fuzz loop: one case through the run's own pieces — the
 * clients of the configured targets, the noise step (configured endpoint
 * noise, volatile headers, learned noise with `--noise`), the exchange of the
 * case's exact bytes on both sides, the judgement and the `CaseResult`. With a
 * reset hook, cases go one at a time, each after a reset.
 */
import { openClients } from '../config/clients.js';
import type { RunConfig } from '../config/targets.js';
import { exchangeCase } from '../execute/exchange.js';
import type { Case } from '../model/case.js';
import { resultOf } from '../noise/result.js';
import { createNoiseStep } from '../noise/step.js';
import { normaliseOrigins, originForms } from '../normalise/origin.js';
import { redactExchange } from '../redact/exchange.js';
import type { Redactor } from '../redact/redact.js';
import type { CaseResult } from '../results/types.js';
import type { Probed } from './engine.js';
import { createReset, type ResetSpec } from './reset.js';
import { withSecretValues } from './secrets.js';

export interface FuzzSender {
  send(testCase: Case): Promise<CaseResult>;
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
  const exchange = async (testCase: Case): Promise<CaseResult> => {
    const prepared = noise.prepare(
      restore === undefined ? testCase : withSecretValues(testCase, restore),
    );
    const done = await exchangeCase(prepared, clients.baseline, clients.candidate, clients.replica);
    return resultOf(noise, normaliseOrigins(redactExchange(done, input.redact), origins), context);
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
