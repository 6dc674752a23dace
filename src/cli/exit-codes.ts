/**
 * The exit-code contract (docs/command-line.md, "Exit codes"). The only module that knows the numbers.
 */

import type { InterruptSignal } from '../contract/vocabulary.js';
import type { RunVerdict } from '../engine/run/verdict.js';
import type { ParityErrorCode } from '../util/errors.js';

export const EXIT = {
  /** Parity, or only divergences the fail policy lets through. */
  ok: 0,
  /** Divergences per the fail policy. */
  divergent: 1,
  /** Bad usage, config, case file, tracker or report file. */
  badInput: 2,
  /** A target could not be reached for any case. */
  unreachable: 3,
  /** parity itself failed (a bug, or a report that could not be written). */
  internal: 4,
  /** Stopped by SIGINT (Ctrl-C): 128 + 2, as shells report it. */
  interrupted: 130,
  /** Stopped by SIGTERM: 128 + 15. */
  terminated: 143,
  /** Stopped by SIGHUP (its terminal closed): 128 + 1. */
  hangup: 129,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What each exit code means, in the words `--help` prints (docs/command-line.md says the same). */
const EXIT_MEANINGS: Readonly<Record<keyof typeof EXIT, string>> = {
  ok: 'parity, or only divergences the fail policy lets through',
  divergent: 'divergences per the fail policy (--fail-on)',
  badInput: 'bad usage, config, case file, tracker or report file (nothing was sent)',
  unreachable: 'a target could not be reached for any case',
  internal:
    'parity itself failed (a write the disk refused, a report not written, the tracker lock timed out)',
  interrupted: 'stopped by SIGINT (Ctrl-C), its report written and marked interrupted',
  terminated: 'stopped by SIGTERM',
  hangup: 'stopped by SIGHUP',
};

/** The "Exit codes:" section at the end of `--help`. */
export function exitCodesText(): string {
  const names = Object.keys(EXIT) as (keyof typeof EXIT)[];
  const lines = names.map((name) => `  ${String(EXIT[name]).padEnd(4)} ${EXIT_MEANINGS[name]}`);
  return `\nExit codes:\n${lines.join('\n')}\n`;
}

export const EXIT_FOR_ERROR: Record<ParityErrorCode, ExitCode> = {
  PARITY_CASES_INVALID: EXIT.badInput,
  PARITY_CASES_CHANGED: EXIT.badInput,
  PARITY_CONFIG_INVALID: EXIT.badInput,
  PARITY_ENV_UNSET: EXIT.badInput,
  PARITY_USAGE: EXIT.badInput,
  PARITY_TRACKER_INVALID: EXIT.badInput,
  PARITY_OUTPUT_UNWRITABLE: EXIT.badInput,
  PARITY_TRACKER_LOCKED: EXIT.internal,
  PARITY_REPORT_INVALID: EXIT.badInput,
  PARITY_RESET_FAILED: EXIT.badInput,
  PARITY_INPUT_INVALID: EXIT.badInput,
  PARITY_WOULD_OVERWRITE: EXIT.badInput,
  PARITY_WRITE_FAILED: EXIT.internal,
};

/** How a run or a merge ended → its exit code. */
export const EXIT_FOR_VERDICT: Record<RunVerdict['kind'], ExitCode> = {
  unreachable: EXIT.unreachable,
  'reports-failed': EXIT.internal,
  failing: EXIT.divergent,
  passed: EXIT.ok,
};

/** The exit code of a run a signal stopped. */
export const EXIT_FOR_SIGNAL: Record<InterruptSignal, ExitCode> = {
  SIGINT: EXIT.interrupted,
  SIGTERM: EXIT.terminated,
  SIGHUP: EXIT.hangup,
};
