/**
 * A recorded target: one side of a run answered from a recording
 * (`parity run --baseline-recording DIR`) instead of over HTTP, so the rest
 * of the pipeline (normalise, compare, reports) is the same as for a live run.
 * Where the answers come from (the files of a recording) is the caller's.
 */
import type { Case, Target } from '../../contract/model/case.js';
import type { SideOutcome } from '../../contract/model/exchange.js';
import type { TargetClient } from './client.js';

/** Answers a case from a recording (a missing or stale entry is a transport-error outcome). */
export interface RecordedAnswers {
  answer(testCase: Case): Promise<SideOutcome>;
}

/** The error code of a side whose request reached no case (the pool always names the case). */
const NO_CASE: SideOutcome = {
  outcome: 'transport-error',
  error: { code: 'PARITY_NOT_RECORDED', message: 'the recording is looked up by case' },
  durationMs: 0,
};

/** A `TargetClient` that answers from `answers` and never opens a connection. */
export function createRecordedClient(target: Target, answers: RecordedAnswers): TargetClient {
  return {
    target,
    send: (_plan, _share, testCase) =>
      testCase === undefined ? Promise.resolve(NO_CASE) : answers.answer(testCase),
    close: () => Promise.resolve(),
    recorded: true,
  };
}
