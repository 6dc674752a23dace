/**
 * Each flow run twice on targets that may be written to, so `--noise` learns
 * what differs between the baseline's two runs (docs/rules-and-noise.md,
 * "Learned noise").
 */

import type { RunConfig } from '../../io/config/targets.js';
import type { TargetClient } from '../../io/http/client.js';
import type { ResetSpec } from '../../judge/fuzz/reset.js';
import { createReset } from '../../judge/fuzz/reset.js';
import type { Env } from '../../util/env.js';

/** What a run says of its targets and its reset hook. */
export interface FlowsAgainInput {
  readonly config: RunConfig;
  readonly recording?: unknown;
  readonly reset?:
    | { readonly spec: ResetSpec; readonly cwd: string; readonly env: Env }
    | undefined;
}

/**
 * `--noise` without a replica instance, on targets that may be written to
 * (a reset hook, or both marked disposable): each flow runs twice on both
 * sides, so the baseline's two runs teach its per-instance values.
 */
export function flowsAgain(
  input: FlowsAgainInput,
  clients: { readonly baseline: TargetClient; readonly candidate: TargetClient },
): { before: () => Promise<void> } | undefined {
  const { noise, baseline, candidate } = input.config;
  if (!noise.enabled || noise.replica !== undefined || input.recording !== undefined) {
    return undefined;
  }
  if (input.reset !== undefined) {
    const { spec, cwd, env } = input.reset;
    const hook = createReset(spec, [clients.baseline, clients.candidate], { cwd, env });
    return { before: () => hook.run() };
  }
  const disposable = baseline.disposable === true && candidate.disposable === true;
  return disposable ? { before: async () => {} } : undefined;
}
